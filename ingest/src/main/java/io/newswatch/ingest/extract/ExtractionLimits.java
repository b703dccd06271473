package io.newswatch.ingest.extract;

import java.time.Duration;

/**
 * What one page may cost to extract. The open web sends pages no browser would render (a hundred thousand nested
 * elements, a hundred thousand links); such a page ends as a {@link PageTooComplexException} within about the
 * time budget, never as minutes of work or a stack overflow.
 *
 * @param timeout     time for finding the article once the page is parsed
 * @param maxElements most elements a page may have
 * @param maxDepth    deepest nesting of elements (news pages stay under a hundred)
 */
public record ExtractionLimits(Duration timeout, int maxElements, int maxDepth) {
    public static ExtractionLimits defaults() {
        return new ExtractionLimits(Duration.ofSeconds(2), 200_000, 512);
    }

    Deadline start() {
        return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** The moment extraction of one page must be done by. */
    static final class Deadline {
        private final long endNanos;
        private final Duration budget;

        private Deadline(long endNanos, Duration budget) {
            this.endNanos = endNanos;
            this.budget = budget;
        }

        void check() {
            if (System.nanoTime() > endNanos) {
                throw new PageTooComplexException("finding the article took over " + budget.toMillis()
                        + " ms; the page is too complex to extract");
            }
        }
    }
}
