package io.newswatch.enrich.tagging.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches many stored queries against one text: the text is indexed once in a {@link MemoryIndex}; its terms find
 * the candidate queries through a {@link CandidateIndex}; each candidate's condition is checked against the
 * text's terms; and Lucene runs the queries that remain, reporting spans through the Matches API, as Lucene
 * Monitor's highlighter does. Since the filtering only ever drops queries that cannot match, the result is the
 * same as Lucene Monitor's. Thread-safe: changes build a new candidate index while texts are being matched.
 */
public final class PrefilteredMatcher implements QueryMatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PrefilteredMatcher.class);

    private final Analyzer analyzer = TextAnalyzers.perField();
    private final Conditions conditions = new Conditions(analyzer);
    private final Map<String, CandidateIndex.Entry> entries = new LinkedHashMap<>();
    private volatile CandidateIndex index;

    public PrefilteredMatcher(Map<String, Query> queries) {
        queries.forEach((id, query) -> entries.put(id, entry(id, query)));
        index = CandidateIndex.of(new ArrayList<>(entries.values()));
    }

    @Override
    public synchronized void put(String id, Query query) {
        entries.put(id, entry(id, query));
        index = CandidateIndex.of(new ArrayList<>(entries.values()));
    }

    @Override
    public synchronized void remove(String id) {
        if (entries.remove(id) != null) {
            index = CandidateIndex.of(new ArrayList<>(entries.values()));
        }
    }

    private CandidateIndex.Entry entry(String id, Query query) {
        return new CandidateIndex.Entry(id, query, conditions.of(query), QueryTraits.of(query));
    }

    @Override
    public Map<String, List<Span>> match(String text) {
        return match(IndexedText.of(text));
    }

    /**
     * Indexing a field costs more than anything else here: the text is indexed only when some rule may match it
     * (candidates are found from its distinct tokens), and the case-kept field, read only by the few acronym
     * rules, only when a candidate needs it (candidates for it are found by substring).
     */
    @Override
    public Map<String, List<Span>> match(IndexedText text) {
        try {
            List<CandidateIndex.Entry> candidates = index.candidates(text::distinctTerms,
                    Map.of(TextAnalyzers.EXACT, text.caseKept()));
            if (candidates.isEmpty()) {
                return Map.of();
            }
            if (candidates.stream().anyMatch(c -> c.traits().reads(TextAnalyzers.EXACT))) {
                text.requireExact();
            }
            return run(candidates, text.searcher(), text.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<Span>> run(List<CandidateIndex.Entry> candidates, IndexSearcher searcher,
                                               String text) throws IOException {
        LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
        Map<String, List<Span>> out = new TreeMap<>();
        for (CandidateIndex.Entry candidate : candidates) {
            try {
                Query query = candidate.traits().rewritten() != null ? candidate.traits().rewritten()
                        : searcher.rewrite(candidate.query());
                Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1);
                Matches matches = weight.matches(leaf, 0);
                if (matches != null) {
                    out.put(candidate.id(), Hits.joinPhrases(new ArrayList<>(Hits.of(candidate.id(), matches, text)),
                            text));
                }
            } catch (RuntimeException e) {
                LOG.warn("query {} failed on a document: {}", candidate.id(), e.toString());
            }
        }
        return out;
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
