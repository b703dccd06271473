package io.newswatch.model.dlq;

import io.newswatch.model.text.SafeText;
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
    /** Keys are ids; a longer one is cut (and marked) so that the dead letter itself always fits a broker's limit. */
    public static final int MAX_KEY_BYTES = 4 * 1024;
    /** Header values are one line a person reads, never a stack trace. */
    public static final int MAX_REASON_CHARS = 1000;

    public DeadLetter {
        reason = SafeText.summary(reason == null ? errorClass : reason, MAX_REASON_CHARS);
        origin = SafeText.summary(origin, MAX_REASON_CHARS);
    }

    public static DeadLetter fromInput(String stage, String reason, String errorClass, String origin, byte[] original) {
        return new DeadLetter(stage, reason, errorClass, origin, origin == null ? null
                : origin.getBytes(StandardCharsets.UTF_8), original, null, null, null);
    }

    public static DeadLetter fromRecord(String stage, Throwable error, String topic, int partition, long offset,
                                        byte[] key, byte[] value) {
        String origin = topic + "/" + partition + "/" + offset;
        return new DeadLetter(stage, describe(error), error.getClass().getName(), origin, key, value,
                topic, partition, offset);
    }

    /** The first line of an error's message, or its class when it has none (a NullPointerException says nothing). */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse(message);
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
        if (key != null && key.length > MAX_KEY_BYTES) {
            add(headers, DeadLetterHeaders.KEY_TRUNCATED, "true");
        }
        return headers;
    }

    /** The key as it goes on the topic: the original key, cut when it is absurdly long. */
    public byte[] keyValue() {
        return key == null || key.length <= MAX_KEY_BYTES ? key : Arrays.copyOf(key, MAX_KEY_BYTES);
    }

    /** The value as it goes on the topic: the original bytes, cut so it fits a default broker's message size. */
    public byte[] value() {
        if (original == null || original.length <= MAX_VALUE_BYTES) {
            return original;
        }
        return Arrays.copyOf(original, MAX_VALUE_BYTES);
    }

    public ProducerRecord<byte[], byte[]> toRecord(String topic) {
        return new ProducerRecord<>(topic, null, keyValue(), value(), headers());
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
