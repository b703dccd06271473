package io.newswatch.enrich.tagging.match;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;

/** Turns Lucene's matches into the spans a person reads. */
final class Hits {
    private static final java.util.regex.Pattern PHRASE_GAP = java.util.regex.Pattern.compile("[\\s\\p{Pd}'’.,]*");
    private Hits() {
    }

    /** Spans of a query's matches, the way Lucene Monitor's highlighter collects them (sub-matches when given). */
    static TreeSet<Span> of(String queryId, Matches matches, String text) throws IOException {
        TreeSet<Span> hits = new TreeSet<>();
        for (String field : matches) {
            MatchesIterator mi = matches.getMatches(field);
            while (mi != null && mi.next()) {
                MatchesIterator sub = mi.getSubMatches();
                if (sub != null) {
                    while (sub.next()) {
                        hits.add(new Span(queryId, sub.startOffset(), sub.endOffset(), text));
                    }
                } else {
                    hits.add(new Span(queryId, mi.startOffset(), mi.endOffset(), text));
                }
            }
        }
        return hits;
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
                    && PHRASE_GAP.matcher(text.substring(last.end(), span.start())).matches()) {
                joined.set(joined.size() - 1, new Span(last.rule(), last.start(), span.end(), text));
            } else {
                joined.add(span);
            }
        }
        return joined;
    }
}
