package io.newswatch.model;

import java.time.Instant;
import java.util.List;

/**
 * Articles carrying a tag in one event-time window, on {@code newswatch.aggregates}, keyed by {@link #key()}.
 * Each record replaces the previous one for the same key.
 *
 * @param window  the window size as an ISO-8601 duration: {@code PT1H} or {@code P1D}
 * @param articles distinct articles with the tag whose event time falls in the window
 * @param stories  distinct stories among them
 */
public record TagCount(
        String tag,
        String window,
        Instant windowStart,
        Instant windowEnd,
        long articles,
        long stories,
        List<SourceCount> topSources,
        Instant updatedAt,
        int schemaVersion) {

    public static final int SCHEMA_VERSION = 1;

    public TagCount {
        topSources = List.copyOf(topSources);
    }

    public String key() {
        return keyFor(tag, window, windowStart);
    }

    public static String keyFor(String tag, String window, Instant windowStart) {
        return tag + "|" + window + "|" + windowStart;
    }

    public record SourceCount(String source, long articles) {
    }
}
