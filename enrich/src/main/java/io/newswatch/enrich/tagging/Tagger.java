package io.newswatch.enrich.tagging;

import io.newswatch.model.Evidence;
import io.newswatch.model.TagMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags an article with a {@link RuleBook}'s rules, matched by Lucene Monitor. A tag is given when the scores of
 * its matching rules reach the tag's threshold, and it carries every matched span as evidence. Thread-safe.
 */
public final class Tagger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Tagger.class);
    /** Evidence kept per tag: enough to explain it, not the whole article. */
    private static final int MAX_EVIDENCE = 12;
    private static final String TITLE_GAP = "\n\n";

    private final RuleBook book;
    private final Map<String, WatchRule> rulesById = new LinkedHashMap<>();
    private final Monitor monitor;

    public Tagger(RuleBook book) {
        this.book = book;
        RuleQueries queries = new RuleQueries(TextAnalyzers.perField());
        List<MonitorQuery> parsed = new ArrayList<>();
        for (WatchRule rule : book.rules()) {
            parsed.add(new MonitorQuery(rule.id(), queries.parse(rule), rule.query(), Map.of()));
            rulesById.put(rule.id(), rule);
        }
        try {
            this.monitor = new Monitor(TextAnalyzers.perField());
            monitor.register(parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RuleBook ruleBook() {
        return book;
    }

    /** Tags of an article, strongest first. {@code lang} may be null (unknown: rules of every language apply). */
    public List<TagMatch> tag(String title, String body, String lang) {
        String prefix = title == null || title.isBlank() ? "" : title + TITLE_GAP;
        Map<String, List<Span>> hitsByRule = match(prefix + body);
        Map<String, Double> scores = new TreeMap<>();
        Map<String, List<String>> rules = new TreeMap<>();
        Map<String, TreeSet<Span>> spans = new TreeMap<>();
        hitsByRule.forEach((ruleId, hits) -> {
            WatchRule rule = rulesById.get(ruleId);
            if (rule.lang() != null && lang != null && !rule.lang().equalsIgnoreCase(lang)) {
                return;
            }
            scores.merge(rule.tag(), rule.score(hits.size()), Double::sum);
            rules.computeIfAbsent(rule.tag(), t -> new ArrayList<>()).add(ruleId);
            spans.computeIfAbsent(rule.tag(), t -> new TreeSet<>()).addAll(hits);
        });
        List<TagMatch> tags = new ArrayList<>();
        scores.forEach((tag, score) -> {
            if (score + 1e-9 >= book.tags().get(tag).threshold()) {
                // Phrases ("Islamic State", "Tajik-Afghan border") explain a tag better than the single context
                // words an AND clause also matched, so they come first; then text order.
                List<Evidence> evidence = spans.get(tag).stream()
                        .sorted(Comparator.comparing((Span s) -> !s.matched().matches(".*[\\s\\p{Pd}].*"))
                                .thenComparing(Comparator.naturalOrder()))
                        .limit(MAX_EVIDENCE).map(s -> s.toEvidence(prefix, title, body)).toList();
                tags.add(new TagMatch(tag, Math.round(score * 100) / 100.0, rules.get(tag), evidence));
            }
        });
        tags.sort(Comparator.comparingDouble(TagMatch::score).reversed().thenComparing(TagMatch::tag));
        return tags;
    }

    /** The rules that match a text, each with its matched spans (offsets into the text). */
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
        matches.getErrors().forEach((id, error) -> LOG.warn("rule {} failed on a document: {}", id, error.toString()));
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
     * Hits of the same rule separated only by spaces, hyphens or punctuation are joined into one span.
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

    /** A matched span of a rule in the text that was matched (title, a blank line, body). */
    public record Span(String rule, int start, int end, String text) implements Comparable<Span> {
        @Override
        public int compareTo(Span o) {
            int c = Integer.compare(start, o.start);
            if (c == 0) {
                c = Integer.compare(end, o.end);
            }
            return c != 0 ? c : rule.compareTo(o.rule);
        }

        public String matched() {
            return text.substring(start, end);
        }

        Evidence toEvidence(String prefix, String title, String body) {
            if (start < prefix.length() && title != null) {
                return new Evidence(rule, "title", start, end, matched(), title);
            }
            int offset = prefix.length();
            return new Evidence(rule, "body", start - offset, end - offset, matched(),
                    Snippets.around(body, start - offset, end - offset));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Span s && s.rule.equals(rule) && s.start == start && s.end == end;
        }

        @Override
        public int hashCode() {
            return rule.hashCode() * 31 * 31 + start * 31 + end;
        }
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            LOG.warn("closing the rule monitor: {}", e.getMessage());
        }
    }
}
