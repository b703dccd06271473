package io.newswatch.enrich.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.model.Evidence;
import io.newswatch.model.TagMatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TaggerTest {
    private static final Tagger TAGGER = new Tagger(RuleBook.defaults());

    @AfterAll
    static void close() {
        TAGGER.close();
    }

    @Test
    void evidenceSpansPointIntoTheBodyAndCoverTheWholePhrase() {
        String body = "Officials said a cell of the Islamic State had crossed the river overnight.";
        TagMatch is = TAGGER.tag(null, body, "en").get(0);
        assertEquals("IS", is.tag());
        Evidence e = is.evidence().get(0);
        assertEquals("body", e.field());
        assertEquals("Islamic State", body.substring(e.start(), e.end()));
        assertEquals("Islamic State", e.text());
        assertEquals(body, e.snippet());
    }

    @Test
    void evidenceInTheTitleIsMarkedAsSuch() {
        TagMatch csto = TAGGER.tag("CSTO ministers meet", "They met on Friday in the capital.", "en").get(0);
        assertEquals("title", csto.evidence().get(0).field());
        assertEquals(0, csto.evidence().get(0).start());
    }

    @Test
    void oneWeakAcronymMentionDoesNotMakeATag() {
        assertTrue(TAGGER.tag(null, "Officials said IS was not involved in the dispute over water.", "en").isEmpty());
    }

    @Test
    void theVerbInACapitalisedHeadlineIsNotTheIslamicState() {
        assertTrue(TAGGER.tag("WHAT IS NEXT FOR THE MARKETS OF THE CAPITAL", "Prices rose again.", "en").isEmpty());
        assertTrue(TAGGER.tag("What Is Next For Markets", "Prices rose again.", "en").isEmpty());
    }

    @Test
    void rulesOfAnotherLanguageDoNotFireOnAnArticleInAKnownLanguage() {
        assertTrue(TAGGER.tag(null, "Генсек ОДКБ провёл встречу.", "en").isEmpty());
        assertEquals("CSTO", TAGGER.tag(null, "Генсек ОДКБ провёл встречу.", "ru").get(0).tag());
        assertEquals("CSTO", TAGGER.tag(null, "Генсек ОДКБ провёл встречу.", null).get(0).tag());
    }

    @Test
    void aMalformedRuleIsRejectedWithItsId() {
        RuleBook bad = new RuleBook(Map.of("X", new RuleBook.TagDefinition("x", 1.0)),
                List.of(new WatchRule("broken-rule", "X", null, "\"unclosed phrase", 1.0, 1, null, null, null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Tagger(bad));
        assertTrue(e.getMessage().contains("broken-rule"), e.getMessage());
    }

    @Test
    void aVetoedRuleDoesNotFireButTheTagsOtherRulesStillDo() {
        assertTrue(TAGGER.tag(null, "A small statue of the goddess Isis was found near the temple.", "en").isEmpty());
        List<TagMatch> both = TAGGER.tag(null, "Like the goddess Isis in the old myth, the town was torn apart when "
                + "Daesh fighters arrived.", "en");
        assertEquals("IS", both.get(0).tag());
        assertEquals(List.of("is-names-en"), both.get(0).rules());
    }

    @Test
    void aRuleAddedWithAVetoHonoursItAndLosesItWhenReplacedWithout() {
        try (Tagger tagger = new Tagger(RuleBook.defaults())) {
            WatchRule vetoed = new WatchRule("water-en", "WATER", "en", "\"water dispute\"~2", 1.0, 1, null,
                    "football OR match", null);
            tagger.put(vetoed);
            assertTrue(tagger.match("The water dispute went on.").containsKey("water-en"));
            assertTrue(tagger.match("After the match, a water dispute in the stands.").isEmpty());
            tagger.put(new WatchRule("water-en", "WATER", "en", "\"water dispute\"~2", 1.0, 1, null, null, null));
            assertTrue(tagger.match("After the match, a water dispute in the stands.").containsKey("water-en"));
            tagger.remove("water-en");
            assertTrue(tagger.match("The water dispute went on.").isEmpty());
        }
    }
}
