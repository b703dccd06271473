package io.newswatch.enrich.topology;

import io.newswatch.model.EnrichedArticle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The enriched articles waiting for their story placement, in memory, with the JSON they were serialised to once.
 * Nothing is written for them: an article that is no longer here when its placement comes (the worker restarted, a
 * rebalance moved its partition, or it was pushed out by many newer ones) is read again from the raw topic by the
 * placement's offset and analysed again (see {@link StoryJoiner}). Thread-safe, bounded.
 */
final class PendingArticles {
    /** At most this much JSON is kept (pending articles are usually a few commit intervals' worth). */
    private static final long KEPT_BYTES = 64L * 1024 * 1024;

    /** One article version, analysed, and its JSON before the story is known. */
    record Pending(EnrichedArticle article, byte[] json) {
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private long bytes;

    synchronized void keep(EnrichedArticle article, byte[] json) {
        forget(pending.put(article.id(), new Pending(article, json)));
        bytes += json.length;
        var eldest = pending.entrySet().iterator();
        while (bytes > KEPT_BYTES && eldest.hasNext()) {
            forget(eldest.next().getValue());
            eldest.remove();
        }
    }

    private void forget(Pending gone) {
        if (gone != null) {
            bytes -= gone.json().length;
        }
    }

    /**
     * The pending article of this version, taken out; null when it is not here or a different version is (which
     * then stays for its own placement).
     */
    synchronized Pending take(String id, String contentHash) {
        Pending p = pending.get(id);
        if (p == null || !Objects.equals(p.article().contentHash(), contentHash)) {
            return null;
        }
        forget(pending.remove(id));
        return p;
    }

    synchronized int size() {
        return pending.size();
    }
}
