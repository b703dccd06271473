package io.newswatch.enrich.alert;

import static io.newswatch.enrich.topology.EnrichDriver.T0;
import static io.newswatch.enrich.topology.EnrichDriver.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.topology.EnrichDriver;
import io.newswatch.model.Alert;
import io.newswatch.model.RawArticle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One alert per rule and story, updated as the story grows, routed to the desks whose filters take it. */
class AlertTopologyTest {
    private static final String BORDER_TITLE = "Islamic State fighters cross into Tajikistan";
    private static final String BORDER = "Guards on the Tajik-Afghan border fought the group overnight.";

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

    private static RawArticle copyOf(RawArticle original, String id, String source) {
        return new RawArticle(id, "https://" + source + ".test/" + id, source, original.title(), null, null,
                original.publishedAt(), original.fetchedAt(), "en", original.body(), original.contentHash(),
                RawArticle.SCHEMA_VERSION);
    }

    @Test
    void shouldKeyTheAlertByRuleAndStoryAndExplainIt() {
        d.send(article("a1", BORDER_TITLE, BORDER, T0), T0);
        TestRecord<String, Alert> alert = d.alerts.readRecord();
        assertEquals("is-on-tajik-border:a1", alert.key());
        assertEquals(alert.key(), alert.value().alertId());
        assertEquals(Alert.STORY, alert.value().kind());
        assertEquals("high", alert.value().severity());
        assertEquals("IS + TAJIK_BORDER (alert rule is-on-tajik-border): 1 article from 1 source",
                alert.value().reason());
        assertTrue(alert.value().evidence().stream().anyMatch(e -> e.text().contains("Islamic State")));
        assertTrue(d.alerts.isEmpty(), "most-severe: one alert for the story, not a second vaguer one");
    }

    @Test
    void shouldKeepTheAlertOfAStoryOfAnySizeOneSmallRecord() {
        RawArticle first = article("a0", BORDER_TITLE, BORDER, T0);
        d.send(first, T0);
        for (int i = 1; i < 205; i++) {
            d.send(copyOf(first, "a" + i, "site" + i), T0.plusSeconds(i));
        }
        Alert last = d.alerts.readValuesToList().get(204);
        assertEquals(205, last.articleCount());
        assertEquals(Alert.MAX_ARTICLE_IDS, last.articleIds().size());
        assertEquals("a204", last.articleIds().get(Alert.MAX_ARTICLE_IDS - 1), "the latest articles are listed");
        assertEquals(Alert.MAX_SOURCES, last.sources().size());
        assertTrue(last.reason().endsWith("205 articles from 100+ sources"), last.reason());

        RawArticle early = copyOf(first, "a3", "site3");
        d.send(new RawArticle(early.id(), early.url(), early.source(), early.title(), null, null, early.publishedAt(),
                early.fetchedAt(), "en", early.body() + " Updated.", "revised", RawArticle.SCHEMA_VERSION),
                T0.plusSeconds(300));
        assertTrue(d.alerts.isEmpty(), "a revision of an article counted long ago, no longer listed, counts once");
    }

    @Test
    void shouldUpdateAlertWhenStoryGrows() {
        RawArticle first = article("a1", "Wire", BORDER_TITLE, BORDER, T0, T0);
        d.send(first, T0);
        d.send(copyOf(first, "a2", "Daily"), T0.plusSeconds(300));
        d.send(copyOf(first, "a3", "Weekly"), T0.plusSeconds(600));
        List<TestRecord<String, Alert>> out = d.alerts.readRecordsToList();
        assertEquals(List.of("is-on-tajik-border:a1", "is-on-tajik-border:a1", "is-on-tajik-border:a1"),
                out.stream().map(TestRecord::key).toList(), "never a new alert per copy");
        Alert latest = out.get(2).value();
        assertEquals(3, latest.version());
        assertEquals(3, latest.articleCount());
        assertEquals(List.of("a1", "a2", "a3"), latest.articleIds());
        assertEquals(List.of("Wire", "Daily", "Weekly"), latest.sources());
        assertEquals(out.get(0).value().createdAt(), latest.createdAt());
        assertEquals(T0.plusSeconds(600), latest.updatedAt());
    }

    @Test
    void shouldNotPageAgainWhenAnArticleOfTheStoryIsReplayed() {
        RawArticle first = article("a1", BORDER_TITLE, BORDER, T0);
        d.send(first, T0);
        d.send(first, T0.plusSeconds(60));
        assertEquals(1, d.alerts.readRecordsToList().size());
    }

    @Test
    void shouldRouteEachAlertToTheDesksWhoseFiltersTakeIt() {
        var centralAsia = d.desk("central-asia");
        var watch = d.desk("watch");
        d.send(article("high", BORDER_TITLE, BORDER, T0), T0);
        d.send(article("low", "CSTO ministers meet", "The bloc discussed its forces.", T0), T0.plusSeconds(1));
        assertEquals(List.of("is-on-tajik-border:high"), centralAsia.readRecordsToList().stream().map(TestRecord::key).toList(),
                "central-asia wants medium and above");
        assertEquals(List.of("is-on-tajik-border:high", "watchlist:low"), watch.readRecordsToList().stream().map(TestRecord::key).toList());
    }

    @Test
    void shouldApplyAnAlertRuleAddedAtRuntimeAndStopWhenItIsDeleted() {
        d.rule("alert:border-only", "{\"id\": \"border-only\", \"all_of\": [\"TAJIK_BORDER\"], \"severity\": \"critical\","
                + " \"desk\": \"central-asia\"}", T0);
        d.send(article("b1", "Clashes on the frontier", BORDER, T0), T0.plusSeconds(1));
        Alert alert = d.alerts.readValue();
        assertEquals("border-only", alert.rule(), "the most severe matching rule wins, wherever it was added");
        assertEquals("critical", alert.severity());

        d.rule("alert:border-only", null, T0.plusSeconds(2));
        d.send(article("b2", "More clashes on the frontier", BORDER + " Again.", T0), T0.plusSeconds(3));
        assertEquals("watchlist", d.alerts.readValue().rule());
    }

    @Test
    void shouldRejectAnAlertRuleForAnUnknownDeskOrWithoutTagsAndKeepTheRulesInForce() {
        d.rule("alert:nowhere", "{\"id\": \"nowhere\", \"all_of\": [\"TAJIK_BORDER\"], \"desk\": \"no-such-desk\"}", T0);
        d.rule("alert:empty", "{\"id\": \"empty\", \"severity\": \"high\"}", T0);
        // Each would match the article were it accepted: the article has the tag they name.
        d.rule("alert:loud", "{\"id\": \"loud\", \"any_of\": [\"TAJIK_BORDER\"], \"severity\": \"deafening\"}", T0);
        d.rule("alert:garbage", "{all_of: [", T0);
        d.send(article("b1", "Clashes on the frontier", BORDER, T0), T0.plusSeconds(1));
        assertEquals(List.of("watchlist"), d.alerts.readValuesToList().stream().map(Alert::rule).distinct().toList());
    }
}
