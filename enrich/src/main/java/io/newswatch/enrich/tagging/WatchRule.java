package io.newswatch.enrich.tagging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One analyst-written rule: when its query matches, it adds {@code weight} (times its hits, up to
 * {@code maxHits}) to its tag's score.
 *
 * @param query    Lucene query syntax with complex phrases: {@code "tajik* afghan* border*"~5}, AND/OR/NOT,
 *                 wildcards; the default field {@code text} is lower-cased, {@code exact:} is case-sensitive
 *                 (for acronyms such as {@code exact:IS})
 * @param lang     ISO code of the language the rule is written for, or null for any; a rule does not fire on an
 *                 article known to be in another language
 * @param veto     optional query for the context in which this rule's words mean something else (the goddess Isis,
 *                 a bare place name): when it matches the article, the rule does not fire
 * @param examples sentences that must and must not match; checked by the build
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record WatchRule(String id, String tag, String lang, String query, Double weight, Integer maxHits,
                        String description, String veto, Examples examples) {

    public WatchRule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule has no id");
        }
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("rule " + id + " has no tag");
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("rule " + id + " has no query");
        }
        veto = veto == null || veto.isBlank() ? null : veto;
        weight = weight == null ? 1.0 : weight;
        maxHits = maxHits == null ? 1 : maxHits;
        examples = examples == null ? new Examples(List.of(), List.of()) : examples;
    }

    /** Contribution of this rule to its tag's score for the given number of hits. */
    public double score(int hits) {
        return weight * Math.min(Math.max(hits, 1), maxHits);
    }

    public record Examples(List<String> match, List<String> noMatch) {
        public Examples {
            match = match == null ? List.of() : List.copyOf(match);
            noMatch = noMatch == null ? List.of() : List.copyOf(noMatch);
        }
    }
}
