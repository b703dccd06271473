package io.newswatch.enrich.tagging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example sentence in the default rules file behaves as the file says: the build fails when one does not. */
class RuleExamplesTest {
    private static final Tagger TAGGER = new Tagger(RuleBook.defaults());

    @AfterAll
    static void close() {
        TAGGER.close();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleMatchesItsExamplesAndNothingElse() {
        List<DynamicTest> tests = new ArrayList<>();
        for (WatchRule rule : TAGGER.ruleBook().rules()) {
            assertFalse(rule.examples().match().isEmpty(), "rule " + rule.id() + " has no example that must match");
            for (String sentence : rule.examples().match()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + " matches: " + sentence, () ->
                        assertTrue(TAGGER.match(sentence).containsKey(rule.id()))));
            }
            for (String sentence : rule.examples().noMatch()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + " does not match: " + sentence, () ->
                        assertFalse(TAGGER.match(sentence).containsKey(rule.id()))));
            }
        }
        return tests.stream();
    }
}
