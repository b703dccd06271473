package io.newswatch.enrich.aggregate;

import io.newswatch.model.TagCount;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running count of one window of one count (a tag, a tag and source, or a pair of tags). Which articles and
 * stories it has counted are kept apart, one small store entry each (see {@link TagWindowCounter}), so this record
 * stays small however busy the window is.
 *
 * @param sources  articles per source, for the top sources; at most {@link #MAX_SOURCES} named, the rest as
 *                 {@link #OTHER_SOURCES}
 * @param closedAt when (record time) the window's final count was sent; null while it is open
 */
public record WindowCount(String tag, String source, String coTag, String window, Instant windowStart,
                          Instant windowEnd, long articles, long stories, Map<String, Long> sources,
                          Instant closedAt) {
    static final int MAX_SOURCES = 500;
    static final String OTHER_SOURCES = "(other)";
    private static final int TOP_SOURCES = 5;

    static WindowCount empty(CountEvent e, Instant closedAt) {
        return new WindowCount(e.tag(), e.source(), e.coTag(), e.window(), e.windowStart(), e.windowEnd(), 0, 0,
                Map.of(), closedAt);
    }

    /** This count with one more article, from {@code articleSource}, which may start a new story. */
    WindowCount plus(boolean newStory, String articleSource) {
        String name = articleSource == null ? "unknown" : articleSource;
        Map<String, Long> bySource = new HashMap<>(sources);
        if (!bySource.containsKey(name) && bySource.size() >= MAX_SOURCES) {
            name = OTHER_SOURCES;
        }
        bySource.merge(name, 1L, Long::sum);
        return new WindowCount(tag, source, coTag, window, windowStart, windowEnd, articles + 1,
                stories + (newStory ? 1 : 0), bySource, closedAt);
    }

    WindowCount closed(Instant at) {
        return new WindowCount(tag, source, coTag, window, windowStart, windowEnd, articles, stories, sources, at);
    }

    boolean isOpen() {
        return closedAt == null;
    }

    TagCount toTagCount(String status, Instant updatedAt) {
        List<TagCount.SourceCount> top = sources.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_SOURCES)
                .map(e -> new TagCount.SourceCount(e.getKey(), e.getValue()))
                .toList();
        return new TagCount(tag, source, coTag, window, windowStart, windowEnd, articles, stories, top, status,
                updatedAt, TagCount.SCHEMA_VERSION);
    }
}
