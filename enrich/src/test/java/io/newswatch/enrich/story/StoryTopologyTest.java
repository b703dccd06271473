package io.newswatch.enrich.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newswatch.enrich.topology.EnrichDriver;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.RawArticle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How articles are folded into stories: copies, reworded copies, reports of one event, and what stays apart. */
class StoryTopologyTest {
    private static final Instant APRIL_7 = Instant.parse("2015-04-07T09:00:00Z");

    private static final String PLEDGE_TITLE = "Moscow pledges 70 billion roubles to rearm the Tajik army";
    private static final String PLEDGE = "Russia will give Tajikistan weapons and equipment worth 70 billion roubles "
            + "over the next few years to make its army stronger, the defence ministry in Moscow said on Tuesday. "
            + "The first deliveries are due before the end of the year.";
    private static final String PLEDGE_REWORDED = "Russia is to give Tajikistan weapons and equipment worth 70 "
            + "billion roubles over the next few years to make its army stronger, the defence ministry in Moscow "
            + "said on Tuesday. First deliveries are expected before the end of the year.";
    private static final String OTHER_OUTLET = "Dushanbe is to receive military aid worth 70 billion rubles from "
            + "Moscow, officials announced after a meeting of defence ministers. The package includes helicopters, "
            + "armoured vehicles and small arms for the Tajik forces.";
    private static final String RUSSIAN_OUTLET = "Москва поставит Таджикистану вооружение и военную технику на "
            + "70 млрд рублей, сообщили в министерстве обороны. Военная помощь должна укрепить армию республики.";
    private static final String YEARS_LATER = "Six years after Moscow promised 70 billion roubles in military aid to "
            + "Tajikistan, officials say only part of the weapons have arrived, and the army still relies on old "
            + "Soviet equipment.";

    @TempDir
    Path stateDir;
    private EnrichDriver d;

    @BeforeEach
    void start() {
        d = new EnrichDriver(stateDir);
    }

    @AfterEach
    void stop() {
        d.close();
    }

    private static RawArticle report(String id, String source, String title, String body, Instant published,
                                     Instant fetched, String lang) {
        return new RawArticle(id, "https://" + source + ".test/" + id, source, title, null, null, published, fetched,
                lang, body, "hash-of-" + title + body, RawArticle.SCHEMA_VERSION);
    }

    private EnrichedArticle place(RawArticle article) {
        d.send(article, article.fetchedAt());
        return d.enriched.readValue();
    }

    @Test
    void shouldGiveAnExactCopyTheStoryOfTheFirstAndNameItInDuplicateOf() {
        EnrichedArticle first = place(report("a", "wire", PLEDGE_TITLE, PLEDGE, APRIL_7, APRIL_7, "en"));
        EnrichedArticle copy = place(report("b", "reprint", PLEDGE_TITLE, PLEDGE, APRIL_7, APRIL_7.plusSeconds(600),
                "en"));
        assertEquals("a", first.storyId());
        assertNull(first.duplicateOf());
        assertEquals("a", copy.storyId());
        assertEquals("a", copy.duplicateOf());
    }

    @Test
    void shouldJoinARewordedCopyOfAWireStoryToTheOriginal() {
        place(report("a", "wire", PLEDGE_TITLE, PLEDGE, APRIL_7, APRIL_7, "en"));
        EnrichedArticle copy = place(report("b", "reprint", PLEDGE_TITLE, PLEDGE_REWORDED, null,
                APRIL_7.plusSeconds(3600), "en"));
        assertEquals("a", copy.storyId());
        assertEquals("a", copy.duplicateOf());
    }

    @Test
    void shouldNameTheFirstArticleWhenACopyOfACopyArrives() {
        place(report("a", "wire", PLEDGE_TITLE, PLEDGE, APRIL_7, APRIL_7, "en"));
        place(report("b", "reprint", PLEDGE_TITLE, PLEDGE_REWORDED, null, APRIL_7.plusSeconds(60), "en"));
        EnrichedArticle third = place(report("c", "aggregator", PLEDGE_TITLE, PLEDGE_REWORDED, null,
                APRIL_7.plusSeconds(120), "en"));
        assertEquals("a", third.storyId());
        assertEquals("a", third.duplicateOf());
    }

    @Test
    void shouldJoinReportsOfTheSamePledgeFromOtherOutletsAndLanguagesWithinTheEventWindow() {
        place(report("a", "wire", PLEDGE_TITLE, PLEDGE, APRIL_7, APRIL_7, "en"));
        EnrichedArticle english = place(report("b", "daily", "Russia to arm its southern neighbour", OTHER_OUTLET,
                null, APRIL_7.plus(Duration.ofDays(1)), "en"));
        EnrichedArticle russian = place(report("c", "vesti", "Россия передаст Таджикистану оружие", RUSSIAN_OUTLET,
                APRIL_7.plus(Duration.ofDays(2)), APRIL_7.plus(Duration.ofDays(2)), "ru"));
        assertEquals("a", english.storyId());
        assertNull(english.duplicateOf(), "a report of the same event is not a copy");
        assertEquals("a", russian.storyId());
    }

    @Test
    void shouldNotJoinAnArticleAboutTheSameSumYearsLater() {
        place(report("a", "wire", PLEDGE_TITLE, PLEDGE, APRIL_7, APRIL_7, "en"));
        Instant later = Instant.parse("2021-07-28T10:00:00Z");
        EnrichedArticle retrospective = place(report("d", "weekly", "Six years on, the Tajik army still waits",
                YEARS_LATER, later, later, "en"));
        assertEquals("d", retrospective.storyId());
    }

    @Test
    void shouldNotJoinReportsOfTheSameSumOutsideTheEventWindow() {
        place(report("a", "wire", PLEDGE_TITLE, PLEDGE, APRIL_7, APRIL_7, "en"));
        Instant weekLater = APRIL_7.plus(Duration.ofDays(8));
        EnrichedArticle other = place(report("b", "daily", "Russia to arm its southern neighbour", OTHER_OUTLET,
                weekLater, weekLater, "en"));
        assertEquals("b", other.storyId());
    }

    @Test
    void shouldKeepTheStoryOfARevisedArticleThatNoLongerLooksLikeItsFirstVersionAndSharesNoAmount() {
        String wire = "Moscow will deliver helicopters, armoured vehicles and radios to the Tajik border troops "
                + "next year, the defence ministry said on Tuesday, as guards reported more crossings from the "
                + "Afghan side of the river and asked for night-vision equipment for the outposts.";
        place(report("a", "wire", "Moscow to equip Tajik border troops", wire, APRIL_7, APRIL_7, "en"));
        EnrichedArticle copy = place(report("b", "daily", "Moscow to equip Tajik border troops", wire
                + " Officials gave no figure.", null, APRIL_7.plusSeconds(60), "en"));
        assertEquals("a", copy.storyId(), "a near copy joins the wire story");
        EnrichedArticle revised = place(report("b", "daily", "Tajik outposts await Russian helicopters",
                "Commanders at three outposts on the Panj said the promised helicopters had not yet arrived, and "
                        + "that patrols still walked the riverbank at night without the vehicles they were told "
                        + "to expect; a spokesman in Dushanbe said the first deliveries would come in spring.",
                null, APRIL_7.plusSeconds(7200), "en"));
        assertTrue(revised.amounts().isEmpty(), "no amount to join by");
        assertEquals("a", revised.storyId(), "the revision keeps the story its article was in");
    }

    @Test
    void shouldForgetArticlesAfterTheRetentionSoTheStateStaysBounded() {
        place(report("a", "wire", PLEDGE_TITLE, PLEDGE, APRIL_7, APRIL_7, "en"));
        Instant later = APRIL_7.plus(StoryOptions.defaults().retention()).plus(Duration.ofHours(1));
        place(report("x", "wire", "Unrelated", "Bread prices rose in the capital this week.", later, later, "en"));
        EnrichedArticle copy = place(report("b", "reprint", PLEDGE_TITLE, PLEDGE, APRIL_7, later.plusSeconds(1),
                "en"));
        assertEquals("b", copy.storyId(), "the original is forgotten, so a very late copy starts a story");
        assertNull(copy.duplicateOf());
    }
}
