package io.newswatch.enrich.tagging.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswatch.enrich.tagging.RuleQueries;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/**
 * Spans written by hand, not computed by Lucene: a check of the matcher that shares no analysis code with it (the
 * agreement test with Lucene Monitor would not see an analyzer that both get wrong).
 */
class HandLabelledSpansTest {
    private static final RuleQueries PARSER = new RuleQueries(TextAnalyzers.perField());

    private static List<Span> spans(String query, String text) {
        Map<String, Query> rules = Map.of("r", PARSER.parse("r", query));
        try (QueryMatcher matcher = QueryMatcher.of(rules)) {
            return matcher.match(text).getOrDefault("r", List.of());
        }
    }

    private static void assertSpans(String query, String text, String... expected) {
        List<String> got = spans(query, text).stream()
                .map(s -> s.start() + "-" + s.end() + ":" + text.substring(s.start(), s.end())).toList();
        assertEquals(List.of(expected), got, query);
    }

    @Test
    void anUnorderedProximityPhraseMarksTheWordsItNeeds() {
        //            0         1         2         3         4
        //            0123456789012345678901234567890123456789012345678
        assertSpans("\"tajik* afghan* border*\"~4", "Guards reinforced the Tajik-Afghan border overnight.",
                "22-41:Tajik-Afghan border");
        assertSpans("\"tajik* afghan* border*\"~4", "Afghanistan's border with Tajikistan is long.",
                "0-20:Afghanistan's border", "26-36:Tajikistan");
    }

    @Test
    void theExactFieldKeepsCaseAndTheDefaultFieldIgnoresIt() {
        assertSpans("exact:IS", "IS said it did it. What is next?", "0-2:IS");
        assertSpans("csto", "The CSTO met; csto drills follow.", "4-8:CSTO", "14-18:csto");
    }

    @Test
    void aRussianStemWithAWildcardFindsEveryCaseForm() {
        assertSpans("одкб OR \"договор* о коллективн* безопасност*\"",
                "Члены ОДКБ подписали договора о коллективной безопасности.", "6-10:ОДКБ",
                "21-57:договора о коллективной безопасности");
    }

    @Test
    void aNotClauseRemovesTheMatchAltogether() {
        assertSpans("militants AND NOT exact:IS", "IS militants attacked.");
        assertSpans("militants AND NOT exact:IS", "Militants attacked.", "0-9:Militants");
    }
}
