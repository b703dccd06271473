package io.newswatch.enrich.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored queries matched against texts with Lucene Monitor, returning each matching query's spans. Used for watch
 * rules and for gazetteer names alike. Thread-safe; close it (Monitor runs a purge thread).
 */
public final class QueryMatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryMatcher.class);

    private final Monitor monitor;

    public QueryMatcher(Map<String, Query> queries) {
        List<MonitorQuery> stored = new ArrayList<>();
        queries.forEach((id, query) -> stored.add(new MonitorQuery(id, query)));
        try {
            this.monitor = new Monitor(TextAnalyzers.perField());
            monitor.register(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a query, or replaces the one with the same id. */
    public void put(String id, Query query) {
        try {
            monitor.register(new MonitorQuery(id, query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(String id) {
        try {
            monitor.deleteById(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Matching query ids, each with its spans (offsets into {@code text}), phrases joined into one span. */
    public Map<String, List<Span>> match(String text) {
        Document doc = new Document();
        doc.add(new TextField(TextAnalyzers.TEXT, text, Field.Store.NO));
        doc.add(new TextField(TextAnalyzers.EXACT, TextAnalyzers.unshout(text), Field.Store.NO));
        MatchingQueries<HighlightsMatch> matches;
        try {
            matches = monitor.match(doc, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        matches.getErrors().forEach((id, error) -> LOG.warn("query {} failed on a document: {}", id, error.toString()));
        Map<String, List<Span>> out = new TreeMap<>();
        for (HighlightsMatch match : matches.getMatches()) {
            TreeSet<Span> hits = new TreeSet<>();
            for (Collection<HighlightsMatch.Hit> fieldHits : match.getHits().values()) {
                for (HighlightsMatch.Hit hit : fieldHits) {
                    hits.add(new Span(match.getQueryId(), hit.startOffset, hit.endOffset, text));
                }
            }
            out.put(match.getQueryId(), joinPhrases(new ArrayList<>(hits), text));
        }
        return out;
    }

    /**
     * Lucene reports a phrase as one hit per word; a person wants "Islamic State", not "Islamic" and "State".
     * Hits of the same query separated only by spaces, hyphens or punctuation are joined into one span.
     */
    static List<Span> joinPhrases(List<Span> sorted, String text) {
        List<Span> joined = new ArrayList<>();
        for (Span span : sorted) {
            Span last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && span.start() >= last.end() && span.start() - last.end() <= 3
                    && text.substring(last.end(), span.start()).matches("[\\s\\p{Pd}'’.,]*")) {
                joined.set(joined.size() - 1, new Span(last.rule(), last.start(), span.end(), text));
            } else {
                joined.add(span);
            }
        }
        return joined;
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            LOG.warn("closing the query monitor: {}", e.getMessage());
        }
    }
}
