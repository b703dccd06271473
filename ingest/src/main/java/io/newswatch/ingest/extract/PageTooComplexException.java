package io.newswatch.ingest.extract;

/** A page over the {@link ExtractionLimits}: too many elements, nested too deep, or too slow to extract. */
public final class PageTooComplexException extends RuntimeException {
    public PageTooComplexException(String message) {
        super(message);
    }
}
