package io.newswatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.tagging.match.QueryMatcher;
import io.newswatch.enrich.tagging.match.Span;
import io.newswatch.enrich.tagging.match.MonitorMatcher;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/**
 * The prefiltered matcher returns exactly what Lucene Monitor returns (rules and spans) with generated analyst
 * rules on generated news, so the benchmark compares equals.
 */
class MatcherAgreementTest {

    @Test
    void thePrefilteredMatcherAgreesWithLuceneMonitorOnEveryArticle() {
        Map<String, Query> rules = BenchRules.parsed(10_000);
        List<String> articles = NewsText.articles(200, 11);
        int matches = 0;
        try (QueryMatcher ours = QueryMatcher.of(rules); QueryMatcher monitor = new MonitorMatcher(rules)) {
            for (String article : articles) {
                Map<String, List<Span>> expected = monitor.match(article);
                assertEquals(expected, ours.match(article));
                matches += expected.size();
            }
        }
        assertTrue(matches > articles.size(), "the test must exercise matches, not only misses: " + matches);
    }

    @Test
    void generatedRulesAreValidLuceneQueriesOfTheShapesAnalystsWrite() {
        Map<String, String> rules = AnalystRules.lucene(AnalystRules.generate(600, 3));
        assertEquals(600, rules.size());
        assertTrue(rules.values().stream().anyMatch(q -> q.contains("\"~")), "proximity");
        assertTrue(rules.values().stream().anyMatch(q -> q.contains("*")), "prefixes");
        assertTrue(rules.values().stream().anyMatch(q -> q.contains("AND NOT")), "exclusions");
        assertEquals(600, BenchRules.parsed(600).size() - BenchRules.parsed(0).size());
    }

    @Test
    void theRegexBaselineFindsTheDefaultTopicsInTheirOwnWords() {
        RegexMatcher regex = new RegexMatcher(BenchRules.parsed(0));
        Map<String, ?> found = regex.match("Fighters of the Islamic State crossed the Tajik-Afghan border, guards said.");
        assertTrue(found.size() >= 2, found.keySet().toString());
        assertEquals(Map.of(), regex.match("Bread prices rose in the capital."));
    }
}
