package io.newswatch.enrich.aggregate;

import static io.newswatch.enrich.topology.EnrichDriver.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.alert.AlertRuleBook;
import io.newswatch.enrich.topology.EnrichDriver;
import io.newswatch.enrich.topology.EnrichOptions;
import io.newswatch.model.TagCount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hourly and daily counts per tag, per tag and source and per tag pair, with live and final values. */
class AggregateTopologyTest {
    private static final Instant MORNING = Instant.parse("2026-03-10T08:10:00Z");
    private static final String CSTO_TITLE = "CSTO ministers meet";
    private static final String CSTO_BODY = "The bloc discussed its forces.";

    @TempDir
    Path stateDir;
    private EnrichDriver d;

    private void startWithGrace(Duration grace) {
        d = new EnrichDriver(stateDir, AlertRuleBook.defaults(), EnrichOptions.defaults().withAggregateGrace(grace));
    }

    @AfterEach
    void stop() {
        if (d != null) {
            d.close();
        }
    }

    private void publish(String id, String title, String body, Instant published) {
        d.send(article(id, title, body, published), published.plusSeconds(60));
    }

    private static String hour(String tag, String source, String coTag, Instant start) {
        return TagCount.keyFor(tag, source, coTag, "PT1H", start);
    }

    @Test
    void shouldCountPerTagPerTagAndSourceAndPerPairOfTags() {
        startWithGrace(Duration.ofDays(1));
        publish("a1", "Islamic State fighters cross into Tajikistan",
                "Guards on the Tajik-Afghan border fought the group overnight.", MORNING);
        Map<String, TagCount> latest = d.counts.readKeyValuesToMap();
        Instant eight = Instant.parse("2026-03-10T08:00:00Z");
        assertEquals(10, latest.size(), "2 tags + 2 tag-sources + 1 pair, hourly and daily");
        assertEquals(1, latest.get(hour("IS", null, null, eight)).articles());
        assertEquals(1, latest.get(hour("IS", "Test Wire", null, eight)).articles());
        assertEquals(1, latest.get(hour("IS", null, "TAJIK_BORDER", eight)).articles());
        assertFalse(latest.containsKey(hour("TAJIK_BORDER", null, "IS", eight)), "a pair is counted once");
        assertTrue(latest.values().stream().allMatch(c -> c.status().equals(TagCount.LIVE)));
    }

    @Test
    void shouldCountTagsInHourlyAndDailyWindowsOfEventTime() {
        startWithGrace(Duration.ofDays(1));
        Instant lateEvening = Instant.parse("2026-03-09T23:40:00Z");
        publish("a1", CSTO_TITLE, CSTO_BODY, lateEvening);
        publish("a2", "CSTO drills begin", "Troops arrived.", lateEvening.plusSeconds(30 * 60));
        publish("a3", "CSTO summit planned", "Leaders will meet.", Instant.parse("2026-03-09T23:59:00Z"));
        Map<String, TagCount> latest = d.counts.readKeyValuesToMap();
        assertEquals(2, latest.get("CSTO|||PT1H|2026-03-09T23:00:00Z").articles());
        assertEquals(1, latest.get("CSTO|||PT1H|2026-03-10T00:00:00Z").articles());
        assertEquals(2, latest.get("CSTO|||P1D|2026-03-09T00:00:00Z").articles());
        assertEquals(1, latest.get("CSTO|||P1D|2026-03-10T00:00:00Z").articles());
        assertEquals(List.of(new TagCount.SourceCount("Test Wire", 2)),
                latest.get("CSTO|||P1D|2026-03-09T00:00:00Z").topSources());
    }

    @Test
    void shouldCountALateArticleWithinTheGracePeriodInItsOwnWindow() {
        startWithGrace(Duration.ofHours(2));
        publish("a1", CSTO_TITLE, CSTO_BODY, MORNING);
        publish("a2", "CSTO drills begin", "Troops arrived.", MORNING.plus(Duration.ofMinutes(100)));
        publish("late", "CSTO summit planned", "Leaders will meet.", MORNING.plus(Duration.ofMinutes(20)));
        Map<String, TagCount> latest = d.counts.readKeyValuesToMap();
        TagCount eight = latest.get(hour("CSTO", null, null, Instant.parse("2026-03-10T08:00:00Z")));
        assertEquals(2, eight.articles());
        assertEquals(TagCount.LIVE, eight.status(), "the 08:00 window is open until 11:00");
    }

    @Test
    void shouldSendTheFinalCountOnceTheGraceHasPassed() {
        startWithGrace(Duration.ofHours(2));
        Instant eight = Instant.parse("2026-03-10T08:00:00Z");
        publish("a1", CSTO_TITLE, CSTO_BODY, MORNING);
        publish("a2", "CSTO drills begin", "Troops arrived.", Instant.parse("2026-03-10T11:05:00Z"));
        List<TagCount> closed = d.counts.readValuesToList().stream()
                .filter(c -> c.key().equals(hour("CSTO", null, null, eight))).toList();
        assertEquals(List.of(TagCount.LIVE, TagCount.FINAL), closed.stream().map(TagCount::status).toList());
        assertEquals(1, closed.get(1).articles());
    }

    @Test
    void shouldReviseAClosedWindowWhenAnArticleArrivesAfterItsGrace() {
        startWithGrace(Duration.ofHours(2));
        Instant eight = Instant.parse("2026-03-10T08:00:00Z");
        publish("a1", CSTO_TITLE, CSTO_BODY, MORNING);
        publish("a2", "CSTO drills begin", "Troops arrived.", Instant.parse("2026-03-10T11:05:00Z"));
        d.counts.readValuesToList();

        publish("too-late", "CSTO summit planned", "Leaders will meet.", MORNING.plus(Duration.ofMinutes(20)));
        TagCount revised = d.counts.readKeyValuesToMap().get(hour("CSTO", null, null, eight));
        assertEquals(TagCount.REVISION, revised.status(), "a closed window is revised, not silently left short");
        assertEquals(2, revised.articles());

        publish("too-late", "CSTO summit planned", "Leaders will meet again.", MORNING.plus(Duration.ofMinutes(20)));
        assertFalse(d.counts.readKeyValuesToMap().containsKey(hour("CSTO", null, null, eight)),
                "a revision of an article already counted changes no count");
    }

    @Test
    void shouldSendAWindowFirstSeenAfterItClosedAsFinal() {
        startWithGrace(Duration.ofHours(2));
        publish("now", CSTO_TITLE, CSTO_BODY, MORNING);
        Instant lastWeek = MORNING.minus(Duration.ofDays(7));
        publish("old", "CSTO drills begin", "Troops arrived.", lastWeek);
        TagCount old = d.counts.readKeyValuesToMap().get(hour("CSTO", null, null,
                Instant.parse("2026-03-03T08:00:00Z")));
        assertEquals(TagCount.FINAL, old.status());
        assertEquals(1, old.articles());
    }

    @Test
    void shouldEndWithTheSameCountsWhateverOrderABackfillArrivesIn() {
        List<Instant> times = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            times.add(Instant.parse("2026-02-01T00:00:00Z").plus(Duration.ofHours(7L * i + i % 3)));
        }
        Map<String, Long> inOrder = finalCounts(times, stateDir.resolve("in-order"));
        List<Instant> shuffled = new java.util.ArrayList<>(times);
        java.util.Collections.shuffle(shuffled, new java.util.Random(42));
        Map<String, Long> outOfOrder = finalCounts(shuffled, stateDir.resolve("shuffled"));
        assertEquals(inOrder, outOfOrder);
        assertEquals(40, inOrder.entrySet().stream().filter(e -> e.getKey().startsWith("CSTO|||PT1H|"))
                .mapToLong(Map.Entry::getValue).sum());
    }

    /** The last count of every window after the articles published at these times arrive in this order. */
    private Map<String, Long> finalCounts(List<Instant> published, Path dir) {
        try (EnrichDriver driver = new EnrichDriver(dir, AlertRuleBook.defaults(),
                EnrichOptions.defaults().withAggregateGrace(Duration.ofHours(1)))) {
            Instant arrival = Instant.parse("2026-04-01T00:00:00Z");
            for (Instant at : published) {
                driver.send(article("a-" + at.getEpochSecond(), CSTO_TITLE, CSTO_BODY, at), arrival);
                arrival = arrival.plusSeconds(1);
            }
            Map<String, Long> last = new java.util.TreeMap<>();
            driver.counts.readKeyValuesToList().forEach(kv -> last.put(kv.key, kv.value.articles()));
            return last;
        }
    }

    @Test
    void shouldNotLetAWronglyDatedArticleCloseEveryWindow() {
        startWithGrace(Duration.ofHours(2));
        publish("a1", CSTO_TITLE, CSTO_BODY, MORNING);
        d.send(article("future", "CSTO drills in 2031", "Troops will arrive.", Instant.parse("2031-01-01T00:00:00Z")),
                MORNING.plusSeconds(120));
        assertTrue(d.counts.readValuesToList().stream().noneMatch(TagCount::isFinal),
                "the watermark moves at most an hour past the record's own time");
    }
}
