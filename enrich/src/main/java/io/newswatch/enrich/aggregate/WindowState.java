package io.newswatch.enrich.aggregate;

import io.newswatch.model.TagCount;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one tag-window has seen. Article ids are kept (not just counted) so that an article processed twice,
 * after a replay or an update, is still counted once.
 */
public record WindowState(String tag, String window, Instant windowStart, Instant windowEnd, Set<String> articleIds,
                          Set<String> storyIds, Map<String, Long> sources) {
    private static final int TOP_SOURCES = 5;

    public static WindowState empty(String tag, String window, Instant start, Instant end) {
        return new WindowState(tag, window, start, end, Set.of(), Set.of(), Map.of());
    }

    /** This state with the article added, or null when it was already counted. */
    public WindowState with(String articleId, String storyId, String source) {
        if (articleIds.contains(articleId)) {
            return null;
        }
        Set<String> ids = new HashSet<>(articleIds);
        ids.add(articleId);
        Set<String> stories = new HashSet<>(storyIds);
        stories.add(storyId);
        Map<String, Long> bySource = new HashMap<>(sources);
        bySource.merge(source == null ? "unknown" : source, 1L, Long::sum);
        return new WindowState(tag, window, windowStart, windowEnd, ids, stories, bySource);
    }

    public TagCount toTagCount(Instant updatedAt) {
        List<TagCount.SourceCount> top = sources.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_SOURCES)
                .map(e -> new TagCount.SourceCount(e.getKey(), e.getValue()))
                .toList();
        return new TagCount(tag, window, windowStart, windowEnd, articleIds.size(), storyIds.size(), top, updatedAt,
                TagCount.SCHEMA_VERSION);
    }

    static Comparator<WindowState> byStart() {
        return Comparator.comparing(WindowState::windowStart);
    }
}
