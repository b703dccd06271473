package io.newswatch.model.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record that could not be processed, on its way to {@code newswatch.dlq}: the original bytes (cut to
 * {@link #MAX_VALUE_BYTES}, with {@code newswatch.truncated} set) and the reason in headers, so an operator can
 * see why and replay it after a fix.
 *
 * @param stage       {@code ingest}, {@code enrich} or {@code sink}
 * @param reason      a sentence a person can act on, e.g. "file is 20971520 bytes, over the 10485760 byte limit"
 * @param errorClass  the exception class, or a short code for inputs that were rejected without one
 * @param origin      where the input came from: a file path, URL, or {@code topic/partition/offset}
 */
public record DeadLetter(String stage, String reason, String errorClass, String origin, byte[] key, byte[] original,
                         String sourceTopic, Integer sourcePartition, Long sourceOffset) {

    public static final int MAX_VALUE_BYTES = 256 * 1024;

    public static DeadLetter fromInput(String stage, String reason, String errorClass, String origin, byte[] original) {
        return new DeadLetter(stage, reason, errorClass, origin, origin == null ? null
                : origin.getBytes(StandardCharsets.UTF_8), original, null, null, null);
    }

    public static DeadLetter fromRecord(String stage, Throwable error, String topic, int partition, long offset,
                                        byte[] key, byte[] value) {
        String origin = topic + "/" + partition + "/" + offset;
        return new DeadLetter(stage, String.valueOf(error.getMessage()), error.getClass().getName(), origin, key, value,
                topic, partition, offset);
    }

    public Headers headers() {
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.STAGE, stage);
        add(headers, DeadLetterHeaders.REASON, reason);
        add(headers, DeadLetterHeaders.ERROR_CLASS, errorClass);
        add(headers, DeadLetterHeaders.ORIGIN, origin);
        add(headers, DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        if (sourceTopic != null) {
            add(headers, DeadLetterHeaders.SOURCE_TOPIC, sourceTopic);
            add(headers, DeadLetterHeaders.SOURCE_PARTITION, String.valueOf(sourcePartition));
            add(headers, DeadLetterHeaders.SOURCE_OFFSET, String.valueOf(sourceOffset));
        }
        if (original != null) {
            add(headers, DeadLetterHeaders.ORIGINAL_SIZE, String.valueOf(original.length));
            if (original.length > MAX_VALUE_BYTES) {
                add(headers, DeadLetterHeaders.TRUNCATED, "true");
            }
        }
        return headers;
    }

    /** The value as it goes on the topic: the original bytes, cut so it fits a default broker's message size. */
    public byte[] value() {
        if (original == null || original.length <= MAX_VALUE_BYTES) {
            return original;
        }
        return Arrays.copyOf(original, MAX_VALUE_BYTES);
    }

    public ProducerRecord<byte[], byte[]> toRecord(String topic) {
        return new ProducerRecord<>(topic, null, key, value(), headers());
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
