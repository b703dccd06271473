package io.newswatch.enrich.failure;

/** Thrown for a record that failed before, so that the processing exception handler dead-letters it. */
public final class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String message) {
        super(message);
    }
}
