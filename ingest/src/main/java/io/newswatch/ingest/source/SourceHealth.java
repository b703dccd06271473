package io.newswatch.ingest.source;

import java.time.Duration;
import java.time.Instant;

/**
 * How one source is doing, for metrics and for deciding when to poll it next: a source that keeps failing is
 * backed off exponentially (up to a day), not retried in a tight loop.
 */
public final class SourceHealth {
    private static final Duration MAX_BACKOFF = Duration.ofDays(1);

    private Instant lastSuccess;
    private Instant lastNewItem;
    private int consecutiveFailures;
    private long items;
    private long bytes;
    private long extractionFailures;
    private String lastError;
    private final java.util.Map<String, Long> rejections = new java.util.TreeMap<>();
    private Instant nextPoll = Instant.EPOCH;

    /** A poll succeeded; true when that changes the source's state (it had been failing). */
    synchronized boolean succeeded(Instant now, Duration interval, int newItems, long fetchedBytes) {
        boolean recovered = consecutiveFailures > 0;
        lastSuccess = now;
        consecutiveFailures = 0;
        lastError = null;
        items += newItems;
        bytes += fetchedBytes;
        if (newItems > 0) {
            lastNewItem = now;
        }
        nextPoll = now.plus(interval);
        return recovered;
    }

    /** A poll failed; true when that changes the source's state (it had been fine). */
    synchronized boolean failed(Instant now, Duration interval, String error) {
        boolean firstFailure = consecutiveFailures == 0;
        consecutiveFailures++;
        lastError = error;
        Duration backoff = interval.multipliedBy(1L << Math.min(consecutiveFailures, 16));
        nextPoll = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
        return firstFailure;
    }

    /** Articles found from items that had been waiting for their host. */
    synchronized void foundLater(Instant now, int newItems) {
        items += newItems;
        if (newItems > 0) {
            lastNewItem = now;
        }
    }

    /** A page of the source was not taken: {@code rejected}, {@code disallowed} (robots.txt) or {@code failed}. */
    synchronized void rejected(String reason) {
        rejections.merge(reason, 1L, Long::sum);
    }

    public synchronized java.util.Map<String, Long> rejections() {
        return java.util.Map.copyOf(rejections);
    }

    synchronized void extractionFailed() {
        extractionFailures++;
    }

    /** The host asked us to wait: poll again then, without counting a failure. */
    synchronized void deferUntil(Instant when) {
        nextPoll = when;
    }

    public synchronized boolean due(Instant now) {
        return !now.isBefore(nextPoll);
    }

    public synchronized Instant lastSuccess() {
        return lastSuccess;
    }

    public synchronized Instant lastNewItem() {
        return lastNewItem;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public synchronized long items() {
        return items;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized long extractionFailures() {
        return extractionFailures;
    }

    public synchronized String lastError() {
        return lastError;
    }

    public synchronized Instant nextPoll() {
        return nextPoll;
    }
}
