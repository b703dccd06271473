package io.newswatch.enrich.aggregate;

import io.newswatch.model.TagCount;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one count's window has seen. Article ids are kept (not just counted) so that an article processed twice,
 * after a replay or an update, is still counted once; the state is deleted when the window closes.
 */
public record WindowState(String tag, String source, String coTag, String window, Instant windowStart,
                          Instant windowEnd, Set<String> articleIds, Set<String> storyIds, Map<String, Long> sources) {
    private static final int TOP_SOURCES = 5;

    public static WindowState empty(CountEvent e) {
        return new WindowState(e.tag(), e.source(), e.coTag(), e.window(), e.windowStart(), e.windowEnd(), Set.of(),
                Set.of(), Map.of());
    }

    /** This state with the article added, or null when it was already counted. */
    public WindowState with(String articleId, String storyId, String articleSource) {
        if (articleIds.contains(articleId)) {
            return null;
        }
        Set<String> ids = new HashSet<>(articleIds);
        ids.add(articleId);
        Set<String> stories = new HashSet<>(storyIds);
        stories.add(storyId == null ? articleId : storyId);
        Map<String, Long> bySource = new HashMap<>(sources);
        bySource.merge(articleSource == null ? "unknown" : articleSource, 1L, Long::sum);
        return new WindowState(tag, source, coTag, window, windowStart, windowEnd, ids, stories, bySource);
    }

    /** When the window closes: its end plus the grace period, in event time. */
    public Instant closesAt(Duration grace) {
        return windowEnd.plus(grace);
    }

    public TagCount toTagCount(String status, Instant updatedAt) {
        List<TagCount.SourceCount> top = sources.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_SOURCES)
                .map(e -> new TagCount.SourceCount(e.getKey(), e.getValue()))
                .toList();
        return new TagCount(tag, source, coTag, window, windowStart, windowEnd, articleIds.size(), storyIds.size(),
                top, status, updatedAt, TagCount.SCHEMA_VERSION);
    }
}
