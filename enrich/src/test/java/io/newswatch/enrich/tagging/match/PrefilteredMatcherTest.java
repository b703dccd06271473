package io.newswatch.enrich.tagging.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.tagging.RuleBook;
import io.newswatch.enrich.tagging.RuleQueries;
import io.newswatch.enrich.tagging.WatchRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The prefiltered matcher skips work, never matches: whatever it returns, Lucene Monitor returns too. */
class PrefilteredMatcherTest {
    private static final RuleQueries PARSER = new RuleQueries(TextAnalyzers.perField());
    private static final Map<String, Query> RULES = new LinkedHashMap<>();
    private static QueryMatcher ours;
    private static QueryMatcher monitor;

    @BeforeAll
    static void start() {
        for (WatchRule rule : RuleBook.defaults().rules()) {
            RULES.put(rule.id(), PARSER.parse(rule));
        }
        Map<String, String> extra = Map.of(
                "proximity", "\"border Afghanistan\"~10",
                "wildcard-phrase", "\"(supply* deliver*) weapon*\"~4",
                "excluded-acronym", "militants AND NOT exact:IS",
                "mixed-fields", "exact:CSTO AND (drills OR exercises)",
                "single-letter-prefix", "q* AND river",
                "fuzzy", "helicoptr~",
                "alternatives", "(Dushanbe OR Душанбе) AND (troops OR войска)");
        extra.forEach((id, q) -> RULES.put(id, PARSER.parse(id, q)));
        ours = QueryMatcher.of(RULES);
        monitor = new MonitorMatcher(RULES);
    }

    @AfterAll
    static void stop() {
        ours.close();
        monitor.close();
    }

    private static Map<String, List<Span>> agreed(String text) {
        Map<String, List<Span>> expected = monitor.match(text);
        assertEquals(expected, ours.match(text), text);
        return expected;
    }

    @Test
    void shouldFindWhatMonitorFindsWithTheSameSpans() {
        Map<String, List<Span>> found = agreed("Islamic State fighters crossed the Tajik-Afghan border overnight, and "
                + "guards said the border with Afghanistan was quiet again by morning.");
        assertTrue(found.containsKey("proximity"), found.keySet().toString());
    }

    @Test
    void shouldMatchWildcardsInsidePhrasesLikeMonitor() {
        assertTrue(agreed("Moscow will supply modern weapons to Dushanbe.").containsKey("wildcard-phrase"));
        assertTrue(agreed("Moscow will deliver weaponry and trucks.").containsKey("wildcard-phrase"));
        assertTrue(!agreed("Weapons were not supplied, officials said.").containsKey("wildcard-phrase"));
    }

    @Test
    void shouldReadTheCaseKeptFieldOnlyWhereItMatters() {
        assertTrue(!agreed("IS militants attacked a post.").containsKey("excluded-acronym"),
                "an excluded case-kept term still excludes");
        assertTrue(agreed("Militants attacked a post; it is unclear who they were.").containsKey("excluded-acronym"));
        assertTrue(agreed("CSTO troops began drills near the river.").containsKey("mixed-fields"));
        agreed("THE CSTO IS HOLDING DRILLS NEAR THE BORDER WITH AFGHANISTAN\n\nA shouted headline, then the text.");
    }

    @Test
    void shouldAgreeOnPrefixesOfOneLetterFuzzyTermsAndCyrillic() {
        assertTrue(agreed("A quiet day on the river.").containsKey("single-letter-prefix"));
        assertTrue(agreed("The helicopter landed.").containsKey("fuzzy"), "a rule it cannot reduce is always run");
        assertTrue(agreed("В Душанбе прибыли войска ОДКБ.").containsKey("alternatives"));
        assertEquals(Map.of(), agreed("Bread prices rose in the capital."));
        assertEquals(Map.of(), agreed(""));
    }

    @Test
    void shouldApplyAddedReplacedAndRemovedQueries() {
        try (QueryMatcher matcher = QueryMatcher.of(Map.of())) {
            matcher.put("tea", PARSER.parse("tea", "samovar"));
            assertEquals(List.of("tea"), List.copyOf(matcher.match("An old samovar.").keySet()));
            matcher.put("tea", PARSER.parse("tea", "teahouse"));
            assertEquals(Map.of(), matcher.match("An old samovar."));
            matcher.remove("tea");
            assertEquals(Map.of(), matcher.match("A new teahouse."));
        }
    }
}
