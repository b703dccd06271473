package io.newswatch.enrich.tagging.match;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;

/**
 * Stored queries matched against texts, returning each matching query's spans. Used for watch rules and for
 * gazetteer names alike. Implementations are thread-safe and take changes while matching; close them when done.
 */
public interface QueryMatcher extends AutoCloseable {

    /** The matcher Newswatch runs (see {@link PrefilteredMatcher}). */
    static QueryMatcher of(Map<String, Query> queries) {
        return new PrefilteredMatcher(queries);
    }

    /** Adds a query, or replaces the one with the same id. */
    void put(String id, Query query);

    void remove(String id);

    /** Matching query ids, each with its spans (offsets into {@code text}), phrases joined into one span. */
    Map<String, List<Span>> match(String text);

    /** The same, for a text already analysed (so that several matchers share one analysis). */
    default Map<String, List<Span>> match(IndexedText text) {
        return match(text.text());
    }

    @Override
    void close();
}
