package io.newswatch.model.dlq;

/** Header names on {@code newswatch.dlq} records; part of the topic contract. */
public final class DeadLetterHeaders {
    public static final String STAGE = "newswatch.stage";
    public static final String REASON = "newswatch.error.message";
    public static final String ERROR_CLASS = "newswatch.error.class";
    public static final String ORIGIN = "newswatch.origin";
    public static final String FAILED_AT = "newswatch.failed_at";
    public static final String SOURCE_TOPIC = "newswatch.source.topic";
    public static final String SOURCE_PARTITION = "newswatch.source.partition";
    public static final String SOURCE_OFFSET = "newswatch.source.offset";
    public static final String ORIGINAL_SIZE = "newswatch.original_size";
    public static final String TRUNCATED = "newswatch.truncated";
    public static final String KEY_TRUNCATED = "newswatch.key_truncated";

    private DeadLetterHeaders() {
    }
}
