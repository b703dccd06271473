package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * Articles carrying a tag in one event-time window, on {@code newswatch.aggregates}, keyed by {@link #key()}.
 * Three kinds of count share the topic: per tag (source and co-tag null), per tag and source (source set), and per
 * pair of tags (co-tag set; each pair is counted once, under the tag that sorts first). Each record replaces the
 * previous one for the same key; a {@code live} value may still grow, the {@code final} value is sent when the
 * window closes (its end plus the grace period has passed in event time), and an article that arrives after that
 * still counts: the window is sent again as a {@code revision}, with a higher count.
 *
 * @param source   the source counted, or null
 * @param coTag    the second tag of a pair, or null
 * @param status   {@code live}, {@code final} or {@code revision}
 * @param window  the window size as an ISO-8601 duration: {@code PT1H} or {@code P1D}
 * @param articles distinct articles with the tag whose event time falls in the window
 * @param stories  distinct stories among them
 */
public record TagCount(
        String tag,
        String source,
        String coTag,
        String window,
        Instant windowStart,
        Instant windowEnd,
        long articles,
        long stories,
        List<SourceCount> topSources,
        String status,
        Instant updatedAt,
        int schemaVersion) {

    public static final int SCHEMA_VERSION = 2;
    public static final String LIVE = "live";
    public static final String FINAL = "final";
    /** A closed window's count changed by an article that arrived after it closed (a backfill, a late feed). */
    public static final String REVISION = "revision";

    public TagCount {
        topSources = List.copyOf(topSources);
    }

    public String key() {
        return keyFor(tag, source, coTag, window, windowStart);
    }

    /** {@code tag|source|co_tag|window|window_start}, with empty parts for what is not set. */
    public static String keyFor(String tag, String source, String coTag, String window, Instant windowStart) {
        return tag + "|" + (source == null ? "" : source) + "|" + (coTag == null ? "" : coTag) + "|" + window + "|"
                + windowStart;
    }

    /** Final or revised: the window has closed. */
    @JsonIgnore
    public boolean isFinal() {
        return FINAL.equals(status) || REVISION.equals(status);
    }

    public record SourceCount(String source, long articles) {
    }
}
