package io.newswatch.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.alert.AlertRuleBook;
import io.newswatch.enrich.ArticleAnalyzer;
import io.newswatch.model.Alert;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.RawArticle;
import io.newswatch.model.TagCount;
import io.newswatch.model.dlq.DeadLetterHeaders;
import io.newswatch.model.json.Json;
import io.newswatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {
    private static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.defaults();
    private static final Instant T0 = Instant.parse("2026-03-10T08:15:00Z");

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, TagCount> counts;
    private TestOutputTopic<byte[], byte[]> dlq;
    private TestInputTopic<String, byte[]> rules;

    @AfterAll
    static void closeTagger() {
        ANALYZER.close();
    }

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(EnrichTopology.build(ANALYZER, AlertRuleBook.defaults()), props);
        raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        counts = driver.createOutputTopic(Topics.AGGREGATES.name(), Topics.AGGREGATES.keySerde().deserializer(),
                Topics.AGGREGATES.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        rules = driver.createInputTopic(Topics.RULES.name(), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static RawArticle article(String id, String title, String body, Instant publishedAt) {
        return new RawArticle(id, "https://news.test/" + id, "Test Wire", title, null, null, publishedAt, T0, "en",
                body, "hash-" + id + "-" + body.hashCode(), RawArticle.SCHEMA_VERSION);
    }

    private void send(RawArticle a, Instant at) {
        raw.pipeInput(a.id(), Json.writeBytes(a), at);
    }

    @Test
    void shouldTagAnArticleWithEvidence() {
        send(article("a1", "Islamic State fighters cross into Tajikistan",
                "Guards on the Tajik-Afghan border fought the group overnight.", T0), T0);
        EnrichedArticle out = enriched.readValue();
        assertEquals(List.of("IS", "TAJIK_BORDER"), out.tagNames().stream().sorted().toList());
        var border = out.tags().stream().filter(t -> t.tag().equals("TAJIK_BORDER")).findFirst().orElseThrow();
        var span = border.evidence().stream().filter(e -> e.field().equals("body")).findFirst().orElseThrow();
        assertEquals(out.body().substring(span.start(), span.end()), span.text());
        assertEquals("a1", out.storyId());
    }

    @Test
    void shouldKeyTheAlertByStoryAndIdItByRuleAndStory() {
        send(article("a1", "Islamic State fighters cross into Tajikistan",
                "Guards on the Tajik-Afghan border fought the group overnight.", T0), T0);
        TestRecord<String, Alert> alert = alerts.readRecord();
        assertEquals("a1", alert.key());
        assertEquals("is-on-tajik-border:a1", alert.value().alertId());
        assertEquals("high", alert.value().severity());
        assertEquals(List.of("a1"), alert.value().articleIds());
        assertTrue(alerts.isEmpty(), "first-match: one alert for the story, not a second vaguer one");
    }

    @Test
    void shouldNotRaiseAnythingAgainWhenTheSameArticleArrivesTwice() {
        RawArticle a = article("a1", "CSTO ministers meet in Dushanbe", "The bloc discussed its forces.", T0);
        send(a, T0);
        send(a, T0.plusSeconds(60));
        assertEquals(1, enriched.readValuesToList().size());
        assertEquals(1, alerts.readValuesToList().size());
        assertEquals(2, counts.readValuesToList().size(), "one hourly and one daily count, once");
    }

    @Test
    void shouldUpdateTheAlertInsteadOfDuplicatingWhenAnArticleIsRevised() {
        send(article("a1", "CSTO ministers meet", "The bloc discussed its forces.", T0), T0);
        send(article("a1", "CSTO ministers meet", "The bloc discussed its forces and a new budget.", T0),
                T0.plusSeconds(600));
        List<Alert> out = alerts.readValuesToList();
        assertEquals(1, out.size(), "same article id, same story: the alert already holds it");
    }

    @Test
    void shouldCountTagsInHourlyAndDailyWindowsOfEventTime() {
        Instant published = Instant.parse("2026-03-09T23:40:00Z");
        send(article("a1", "CSTO ministers meet", "Talks on forces.", published), T0);
        send(article("a2", "CSTO drills begin", "Troops arrived.", published.plusSeconds(30 * 60)), T0.plusSeconds(5));
        send(article("a3", "CSTO summit planned", "Leaders will meet.", Instant.parse("2026-03-09T23:59:00Z")),
                T0.plusSeconds(10));
        Map<String, TagCount> latest = counts.readKeyValuesToMap();
        assertEquals(2, latest.get("CSTO|PT1H|2026-03-09T23:00:00Z").articles());
        assertEquals(1, latest.get("CSTO|PT1H|2026-03-10T00:00:00Z").articles());
        assertEquals(2, latest.get("CSTO|P1D|2026-03-09T00:00:00Z").articles());
        assertEquals(1, latest.get("CSTO|P1D|2026-03-10T00:00:00Z").articles());
        assertEquals(List.of(new TagCount.SourceCount("Test Wire", 2)),
                latest.get("CSTO|P1D|2026-03-09T00:00:00Z").topSources());
    }

    @Test
    void shouldCountALateArticleInItsOwnOldWindow() {
        send(article("new", "CSTO drills begin", "Troops arrived.", T0), T0);
        send(article("old", "CSTO founded", "A look back.", Instant.parse("2015-04-07T00:00:00Z")), T0.plusSeconds(1));
        Map<String, TagCount> latest = counts.readKeyValuesToMap();
        assertEquals(1, latest.get("CSTO|P1D|2015-04-07T00:00:00Z").articles());
    }

    @Test
    void shouldSendAPoisonRecordToTheDlqWithItsReasonAndGoOn() {
        raw.pipeInput("bad", "{not json".getBytes(StandardCharsets.UTF_8), T0);
        send(article("a1", "CSTO ministers meet", "The bloc discussed its forces.", T0), T0.plusSeconds(1));
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertEquals("{not json", new String(dead.value(), StandardCharsets.UTF_8));
        Map<String, String> headers = java.util.Arrays.stream(dead.headers().toArray()).collect(Collectors.toMap(
                h -> h.key(), h -> new String(h.value(), StandardCharsets.UTF_8), (a, b) -> b));
        assertEquals("enrich", headers.get(DeadLetterHeaders.STAGE));
        assertEquals(Topics.RAW.name(), headers.get(DeadLetterHeaders.SOURCE_TOPIC));
        assertEquals("0", headers.get(DeadLetterHeaders.SOURCE_OFFSET));
        assertTrue(headers.get(DeadLetterHeaders.ERROR_CLASS).contains("Json"), headers.toString());
        assertEquals("a1", enriched.readValue().id(), "the next record is processed");
    }

    @Test
    void shouldDeadLetterAnArticleMissingItsBody() {
        raw.pipeInput("x", "{\"id\":\"x\",\"fetched_at\":\"2026-03-10T08:00:00Z\",\"schema_version\":1}"
                .getBytes(StandardCharsets.UTF_8), T0);
        assertTrue(new String(dlq.readRecord().headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8).contains("body"));
        assertTrue(enriched.isEmpty());
    }

    private void rule(String id, String json, Instant at) {
        rules.pipeInput(id, json == null ? null : json.getBytes(StandardCharsets.UTF_8), at);
    }

    @Test
    void shouldApplyARuleAddedAtRuntimeAndStopApplyingItOnceDeleted() {
        rule("water-en", "{\"id\": \"water-en\", \"tag\": \"WATER\", \"query\": \"\\\"water (dispute disputes)\\\"\"}", T0);
        send(article("w1", "Talks on the canal", "Both sides blamed each other in the water dispute.", T0),
                T0.plusSeconds(1));
        EnrichedArticle tagged = enriched.readValue();
        assertEquals(List.of("WATER"), tagged.tagNames());
        assertEquals("water dispute", tagged.tags().get(0).evidence().get(0).text());

        rule("water-en", null, T0.plusSeconds(2));
        send(article("w2", "Talks on the canal", "Both sides blamed each other in the water dispute again.", T0),
                T0.plusSeconds(3));
        assertTrue(enriched.readValue().tags().isEmpty());
    }

    @Test
    void shouldRejectAMalformedRuleAndKeepTheRulesInForce() {
        rule("broken", "{\"id\": \"broken\", \"tag\": \"CSTO\", \"query\": \"\\\"unclosed phrase\"}", T0);
        rule("not-json", "{id: broken", T0);
        rule("other-id", "{\"id\": \"mismatch\", \"tag\": \"CSTO\", \"query\": \"bloc\"}", T0);
        send(article("c1", "CSTO ministers meet", "The bloc discussed its forces.", T0), T0.plusSeconds(1));
        EnrichedArticle out = enriched.readValue();
        assertEquals(List.of("CSTO"), out.tagNames());
        assertEquals(List.of("csto-en"), out.tags().get(0).rules(), "no rejected rule took part");
        assertTrue(ANALYZER.tagger().ruleIds().stream().noneMatch(id -> id.equals("broken") || id.equals("mismatch")));
    }

    @Test
    void shouldReplaceARuleWhenItIsChanged() {
        rule("tea-en", "{\"id\": \"tea-en\", \"tag\": \"TEA\", \"query\": \"samovar\"}", T0);
        rule("tea-en", "{\"id\": \"tea-en\", \"tag\": \"TEA\", \"query\": \"teahouse\"}", T0);
        send(article("t1", "Old samovar found", "A museum shows the samovar.", T0), T0.plusSeconds(1));
        send(article("t2", "New teahouse opens", "The teahouse is busy.", T0), T0.plusSeconds(2));
        assertTrue(enriched.readValue().tags().isEmpty());
        assertEquals(List.of("TEA"), enriched.readValue().tagNames());
        rule("tea-en", null, T0.plusSeconds(3));
    }

    @Test
    void untaggedArticlesAreEnrichedButRaiseNoAlertAndNoCount() {
        send(article("n1", "Bread prices rise", "Flour costs more this spring.", T0), T0);
        assertTrue(enriched.readValue().tags().isEmpty());
        assertTrue(alerts.isEmpty());
        assertTrue(counts.isEmpty());
    }
}
