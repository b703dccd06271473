package io.newswatch.enrich.tagging.match;

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
 * Lucene Monitor used directly, with its default presearcher: the reference that {@link PrefilteredMatcher} must
 * agree with, and the baseline of the tagging benchmark.
 */
public final class MonitorMatcher implements QueryMatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorMatcher.class);

    private final Monitor monitor;

    public MonitorMatcher(Map<String, Query> queries) {
        List<MonitorQuery> stored = new ArrayList<>();
        queries.forEach((id, query) -> stored.add(new MonitorQuery(id, query)));
        try {
            this.monitor = new Monitor(TextAnalyzers.perField());
            monitor.register(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(String id, Query query) {
        try {
            monitor.register(new MonitorQuery(id, query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void remove(String id) {
        try {
            monitor.deleteById(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
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
            out.put(match.getQueryId(), Hits.joinPhrases(new ArrayList<>(hits), text));
        }
        return out;
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
