package io.newswatch.model;

import java.util.List;

/**
 * A tag given to an article, with the score that passed the tag's threshold and the evidence behind it.
 */
public record TagMatch(String tag, double score, List<String> rules, List<Evidence> evidence) {
    public TagMatch {
        rules = List.copyOf(rules);
        evidence = List.copyOf(evidence);
    }
}
