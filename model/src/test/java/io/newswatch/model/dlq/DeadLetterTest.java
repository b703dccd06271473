package io.newswatch.model.dlq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aValueOverTheLimitIsCutAt256KiBAndMarkedWithItsOriginalSize() {
        byte[] huge = new byte[DeadLetter.MAX_VALUE_BYTES + 10];
        Arrays.fill(huge, (byte) 'x');
        ProducerRecord<byte[], byte[]> r = DeadLetter.fromRecord("sink", new IllegalStateException("too big"),
                "alerts", 1, 42, "k".getBytes(StandardCharsets.UTF_8), huge).toRecord("dlq");
        assertEquals(256 * 1024, r.value().length);
        assertEquals("true", header(r, DeadLetterHeaders.TRUNCATED));
        assertEquals(String.valueOf(huge.length), header(r, DeadLetterHeaders.ORIGINAL_SIZE));
        assertEquals("42", header(r, DeadLetterHeaders.SOURCE_OFFSET));
    }

    @Test
    void aValueWithinTheLimitIsKeptWholeAndTheReasonIsOneShortLine() {
        byte[] value = "{\"id\": 1}".getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> r = DeadLetter.fromRecord("sink", new IllegalStateException(
                "first line\n\tat some.Frame(Frame.java:1)\n" + "y".repeat(5000)), "alerts", 0, 7, null, value)
                .toRecord("dlq");
        assertArrayEquals(value, r.value());
        assertNull(header(r, DeadLetterHeaders.TRUNCATED));
        assertEquals("first line", header(r, DeadLetterHeaders.REASON));
    }

    @Test
    void anAbsurdKeyIsCutAndMarked() {
        byte[] key = new byte[100_000];
        ProducerRecord<byte[], byte[]> r = DeadLetter.fromRecord("enrich", new RuntimeException(), "raw", 0, 1, key,
                new byte[1]).toRecord("dlq");
        assertEquals(DeadLetter.MAX_KEY_BYTES, r.key().length);
        assertEquals("true", header(r, DeadLetterHeaders.KEY_TRUNCATED));
        assertTrue(header(r, DeadLetterHeaders.REASON).contains("RuntimeException"));
    }
}
