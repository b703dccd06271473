package io.newswatch.enrich.spike;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The articles of one tag in one hour of event time. Ids are kept (up to a cap) so that a revision of an article is
 * not counted twice and a spike alert can list what made it.
 */
public record HourCount(int count, List<String> articleIds, List<String> sources, String latestTitle, String latestUrl) {
    /** As many ids as an alert lists (see Alert); the count goes on beyond them. */
    static final int MAX_IDS = 200;
    private static final int MAX_SOURCES = 20;
    static final HourCount EMPTY = new HourCount(0, List.of(), List.of(), null, null);

    public HourCount {
        articleIds = List.copyOf(articleIds);
        sources = List.copyOf(sources);
    }

    /** With the article added, or null when it was already counted. */
    HourCount with(String id, String source, String title, String url) {
        if (articleIds.contains(id)) {
            return null;
        }
        List<String> ids = new ArrayList<>(articleIds);
        if (ids.size() < MAX_IDS) {
            ids.add(id);
        }
        LinkedHashSet<String> from = new LinkedHashSet<>(sources);
        if (source != null && from.size() < MAX_SOURCES) {
            from.add(source);
        }
        return new HourCount(count + 1, ids, List.copyOf(from), title, url);
    }
}
