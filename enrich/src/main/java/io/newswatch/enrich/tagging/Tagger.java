package io.newswatch.enrich.tagging;

import io.newswatch.enrich.tagging.match.QueryMatcher;
import io.newswatch.enrich.tagging.match.Span;
import io.newswatch.enrich.tagging.match.TextAnalyzers;
import io.newswatch.enrich.tagging.match.IndexedText;
import io.newswatch.model.Evidence;
import io.newswatch.model.TagMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tags an article with a {@link RuleBook}'s rules, matched by the prefiltered matcher (the same matches as Lucene
 * Monitor, without running most rules on each article). A tag is given when the scores of
 * its matching rules reach the tag's threshold, and it carries every matched span as evidence. Thread-safe.
 */
public final class Tagger implements AutoCloseable {
    /** Evidence kept per tag: enough to explain it, not the whole article. */
    private static final int MAX_EVIDENCE = 12;
    private static final String TITLE_GAP = "\n\n";
    private static final String VETO = "#veto";

    private final RuleBook book;
    private final RuleQueries queries = new RuleQueries(TextAnalyzers.perField());
    private final Map<String, WatchRule> rulesById = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, RuleBook.TagDefinition> tagDefinitions = new java.util.concurrent.ConcurrentHashMap<>();
    private final QueryMatcher matcher;

    public Tagger(RuleBook book) {
        this.book = book;
        tagDefinitions.putAll(book.tags());
        Map<String, org.apache.lucene.search.Query> parsed = new LinkedHashMap<>();
        for (WatchRule rule : book.rules()) {
            parsed.put(rule.id(), queries.parse(rule));
            if (rule.veto() != null) {
                parsed.put(vetoId(rule.id()), queries.parse(vetoId(rule.id()), rule.veto()));
            }
            rulesById.put(rule.id(), rule);
        }
        this.matcher = QueryMatcher.of(parsed);
    }

    private static final RuleBook.TagDefinition DEFAULT_TAG = new RuleBook.TagDefinition(null, 1.0);

    /** The rules file this tagger started from (rules added or removed at runtime are not in it). */
    public RuleBook ruleBook() {
        return book;
    }

    /**
     * Adds a rule, or replaces the rule with the same id, while articles are being tagged. The query is parsed
     * first: a malformed rule throws {@link IllegalArgumentException} and changes nothing. A tag the rules file
     * does not define gets threshold 1.0.
     */
    public void put(WatchRule rule) {
        org.apache.lucene.search.Query query = queries.parse(rule);
        org.apache.lucene.search.Query veto = rule.veto() == null ? null
                : queries.parse(vetoId(rule.id()), rule.veto());
        matcher.put(rule.id(), query);
        if (veto != null) {
            matcher.put(vetoId(rule.id()), veto);
        } else {
            matcher.remove(vetoId(rule.id()));
        }
        rulesById.put(rule.id(), rule);
    }

    /** The matcher entry of a rule's veto: matched with the rules, never a rule itself. */
    private static String vetoId(String ruleId) {
        return ruleId + VETO;
    }

    /** Removes a rule; false when there was none with that id. */
    public boolean remove(String ruleId) {
        matcher.remove(ruleId);
        matcher.remove(vetoId(ruleId));
        return rulesById.remove(ruleId) != null;
    }

    public java.util.Set<String> ruleIds() {
        return java.util.Set.copyOf(rulesById.keySet());
    }

    /** Tags of an article, strongest first. {@code lang} may be null (unknown: rules of every language apply). */
    public List<TagMatch> tag(String title, String body, String lang) {
        return tag(title, body, lang, IndexedText.of(fullText(title, body)));
    }

    /** The text the rules read: the title, a gap, the body. Offsets in the result are into this text. */
    public static String fullText(String title, String body) {
        return (title == null || title.isBlank() ? "" : title + TITLE_GAP) + body;
    }

    /** Tags of an article whose {@link #fullText} was analysed already (shared with the entity finder). */
    public List<TagMatch> tag(String title, String body, String lang, IndexedText text) {
        String prefix = title == null || title.isBlank() ? "" : title + TITLE_GAP;
        Map<String, List<Span>> hitsByRule = withoutVetoed(matcher.match(text));
        Map<String, Double> scores = new TreeMap<>();
        Map<String, List<String>> rules = new TreeMap<>();
        Map<String, TreeSet<Span>> spans = new TreeMap<>();
        hitsByRule.forEach((ruleId, hits) -> {
            WatchRule rule = rulesById.get(ruleId);
            if (rule == null) {
                return; // removed while this article was being matched
            }
            if (rule.lang() != null && lang != null && !rule.lang().equalsIgnoreCase(lang)) {
                return;
            }
            scores.merge(rule.tag(), rule.score(hits.size()), Double::sum);
            rules.computeIfAbsent(rule.tag(), t -> new ArrayList<>()).add(ruleId);
            spans.computeIfAbsent(rule.tag(), t -> new TreeSet<>()).addAll(hits);
        });
        List<TagMatch> tags = new ArrayList<>();
        scores.forEach((tag, score) -> {
            if (score + 1e-9 >= tagDefinitions.getOrDefault(tag, DEFAULT_TAG).threshold()) {
                // Phrases ("Islamic State", "Tajik-Afghan border") explain a tag better than the single context
                // words an AND clause also matched, so they come first; then text order.
                List<Evidence> evidence = spans.get(tag).stream()
                        .sorted(Comparator.comparing((Span s) -> !s.matched().matches(".*[\\s\\p{Pd}].*"))
                                .thenComparing(Comparator.naturalOrder()))
                        .limit(MAX_EVIDENCE).map(s -> toEvidence(s, prefix, title, body)).toList();
                tags.add(new TagMatch(tag, Math.round(score * 100) / 100.0, rules.get(tag), evidence));
            }
        });
        tags.sort(Comparator.comparingDouble(TagMatch::score).reversed().thenComparing(TagMatch::tag));
        return tags;
    }

    /** The rules that match a text, each with its matched spans (offsets into the text). */
    public Map<String, List<Span>> match(String text) {
        return withoutVetoed(matcher.match(text));
    }

    /** The rules that fired, less those whose veto matched too, and less the vetoes themselves. */
    private static Map<String, List<Span>> withoutVetoed(Map<String, List<Span>> hits) {
        boolean anyVeto = false;
        for (String id : hits.keySet()) {
            anyVeto |= id.endsWith(VETO);
        }
        if (!anyVeto) {
            return hits;
        }
        Map<String, List<Span>> kept = new LinkedHashMap<>();
        hits.forEach((id, spans) -> {
            if (!id.endsWith(VETO) && !hits.containsKey(vetoId(id))) {
                kept.put(id, spans);
            }
        });
        return kept;
    }

    private static Evidence toEvidence(Span span, String prefix, String title, String body) {
        if (span.inTitle(prefix.length()) && title != null) {
            return new Evidence(span.rule(), "title", span.start(), span.end(), span.matched(), title);
        }
        int offset = prefix.length();
        return new Evidence(span.rule(), "body", span.start() - offset, span.end() - offset, span.matched(),
                Snippets.around(body, span.start() - offset, span.end() - offset));
    }

    @Override
    public void close() {
        matcher.close();
    }
}
