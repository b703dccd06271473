package io.newswatch.enrich.topology;

import static io.newswatch.enrich.topology.EnrichDriver.T0;
import static io.newswatch.enrich.topology.EnrichDriver.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.RawArticle;
import io.newswatch.model.dlq.DeadLetterHeaders;
import io.newswatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing, tagging, dead letters and runtime watch rules; stories, alerts and counts have their own tests. */
class EnrichTopologyTest {
    @TempDir
    Path stateDir;
    private EnrichDriver d;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        d = new EnrichDriver(stateDir);
        enriched = d.enriched;
        dlq = d.dlq;
    }

    @AfterEach
    void stop() {
        d.close();
    }

    private void send(RawArticle a, Instant at) {
        d.send(a, at);
    }

    private void rule(String id, String json, Instant at) {
        d.rule(id, json, at);
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
        assertEquals("a1", out.storyId(), "a first report starts its own story");
    }


    @Test
    void shouldNotRaiseAnythingAgainWhenTheSameArticleArrivesTwice() {
        RawArticle a = article("a1", "CSTO ministers meet in Dushanbe", "The bloc discussed its forces.", T0);
        send(a, T0);
        send(a, T0.plusSeconds(60));
        assertEquals(1, enriched.readValuesToList().size());
        assertEquals(1, d.alerts.readValuesToList().size());
        assertEquals(4, d.counts.readValuesToList().size(), "tag and tag-by-source, hourly and daily, once");
    }




    @Test
    void shouldSendAPoisonRecordToTheDlqWithItsReasonAndGoOn() {
        d.pipeRaw("bad", "{not json".getBytes(StandardCharsets.UTF_8), T0);
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
        d.pipeRaw("x", "{\"id\":\"x\",\"fetched_at\":\"2026-03-10T08:00:00Z\",\"schema_version\":1}"
                .getBytes(StandardCharsets.UTF_8), T0);
        assertTrue(new String(dlq.readRecord().headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8).contains("body"));
        assertTrue(enriched.isEmpty());
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
        String longId = "x".repeat(5_000);
        rule(longId, "{\"id\": \"" + longId + "\", \"tag\": \"CSTO\", \"query\": \"bloc\"}", T0);
        send(article("c1", "CSTO ministers meet", "The bloc discussed its forces.", T0), T0.plusSeconds(1));
        EnrichedArticle out = enriched.readValue();
        assertEquals(List.of("CSTO"), out.tagNames());
        assertEquals(List.of("csto-en"), out.tags().get(0).rules(), "no rejected rule took part");
        assertTrue(EnrichDriver.ANALYZER.tagger().ruleIds().stream().noneMatch(id -> id.equals("broken")
                || id.equals("mismatch") || id.length() > 100));
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
        assertTrue(d.alerts.isEmpty());
        assertTrue(d.counts.isEmpty());
    }
}
