package io.newswatch.enrich.topology;

import io.newswatch.model.RawArticle;
import io.newswatch.model.dlq.DeadLetter;
import io.newswatch.model.json.Json;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Parses raw-topic bytes into articles. Anything that is not a valid article (not JSON, missing fields, a newer
 * schema, a key that is not the article's id) becomes a dead letter with its source offset; nothing is dropped.
 */
public final class RawArticleParser implements FixedKeyProcessor<String, byte[], Parsed> {
    private FixedKeyProcessorContext<String, Parsed> context;

    @Override
    public void init(FixedKeyProcessorContext<String, Parsed> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        context.forward(record.withValue(parse(record.key(), record.value())));
    }

    private Parsed parse(String key, byte[] value) {
        try {
            if (value == null) {
                throw new IllegalArgumentException("record has no value (a tombstone is not an article)");
            }
            RawArticle article = Json.read(value, RawArticle.class);
            if (article.schemaVersion() > RawArticle.SCHEMA_VERSION) {
                throw new IllegalArgumentException("schema_version " + article.schemaVersion()
                        + " is newer than this worker understands (" + RawArticle.SCHEMA_VERSION + ")");
            }
            if (key != null && !key.equals(article.id())) {
                throw new IllegalArgumentException("record key " + key + " is not the article id " + article.id());
            }
            if (article.body().isBlank()) {
                throw new IllegalArgumentException("article " + article.id() + " has an empty body");
            }
            return new Parsed(article, null);
        } catch (Exception e) {
            RecordMetadata meta = context.recordMetadata().orElse(null);
            DeadLetter letter = DeadLetter.fromRecord("enrich", e,
                    meta == null ? "unknown" : meta.topic(), meta == null ? -1 : meta.partition(),
                    meta == null ? -1 : meta.offset(), key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
            return new Parsed(null, letter);
        }
    }
}
