package io.newswatch.enrich.story;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A MinHash signature in JSON as base64 of its 64-bit values (688 characters, not ~1,250 as a list of numbers):
 * it crosses to the story stage with every article and sits in the story store's changelog.
 */
final class MinHashJson {
    private MinHashJson() {
    }

    static final class Write extends JsonSerializer<long[]> {
        @Override
        public void serialize(long[] values, JsonGenerator out, SerializerProvider provider) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES);
            for (long v : values) {
                bytes.putLong(v);
            }
            out.writeString(Base64.getEncoder().encodeToString(bytes.array()));
        }
    }

    static final class Read extends JsonDeserializer<long[]> {
        @Override
        public long[] deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken().isStructStart()) { // an older record: a list of numbers
                return context.readValue(in, long[].class);
            }
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(in.getValueAsString()));
            long[] values = new long[bytes.remaining() / Long.BYTES];
            for (int i = 0; i < values.length; i++) {
                values[i] = bytes.getLong();
            }
            return values;
        }
    }
}
