package io.newswatch.enrich.topology;

import static io.newswatch.enrich.topology.EnrichDriver.T0;
import static io.newswatch.enrich.topology.EnrichDriver.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.alert.AlertRuleBook;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.RawArticle;
import io.newswatch.model.dlq.DeadLetterHeaders;
import io.newswatch.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever a producer puts on the raw topic, what enrich writes stays small and clean, and the stream goes on. */
class ArticleLimitsTopologyTest {
    @TempDir
    Path stateDir;
    private EnrichDriver d;

    private EnrichDriver start(ArticleLimits limits) {
        d = new EnrichDriver(stateDir, AlertRuleBook.defaults(), EnrichOptions.defaults().withLimits(limits));
        return d;
    }

    @AfterEach
    void stop() {
        d.close();
    }

    private static String reason(TestRecord<byte[], byte[]> dead) {
        return new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldCutAnOverlongBodyAtTheLimitAndSaySo() {
        start(new ArticleLimits(2_000, ArticleLimits.DEFAULT_MAX_RECORD_BYTES));
        String body = "The CSTO met in Dushanbe. ".repeat(400);
        d.send(article("long", "CSTO ministers meet", body, T0), T0);
        EnrichedArticle out = d.enriched.readValue();
        assertEquals(2_000, out.body().length());
        assertTrue(out.bodyTruncated());
        assertTrue(out.tags().get(0).evidence().stream().allMatch(e -> e.end() <= 2_000 || e.field().equals("title")),
                "evidence points into the text that was kept");
    }

    @Test
    void shouldDeadLetterAnArticleWhoseResultWouldNotFitAndGoOn() {
        start(new ArticleLimits(200_000, 20_000));
        d.send(article("big", "CSTO ministers meet", "The CSTO met in Dushanbe and agreed. ".repeat(1_000), T0), T0);
        d.send(article("next", "CSTO ministers meet again", "The bloc discussed its forces.", T0), T0.plusSeconds(1));
        TestRecord<byte[], byte[]> dead = d.dlq.readRecord();
        assertTrue(reason(dead).contains("enrich.max.record.bytes"), reason(dead));
        assertEquals("big", new String(dead.key(), StandardCharsets.UTF_8));
        assertEquals("next", d.enriched.readValue().id(), "the next article is enriched");
    }

    @Test
    void shouldKeepTheResultOfAnArticleFullOfAmountsBounded() {
        start(ArticleLimits.defaults());
        String body = "The ministry paid $12 million and then 40 billion roubles. ".repeat(3_000);
        d.send(article("money", "Budget of the CSTO", body, T0), T0);
        EnrichedArticle out = d.enriched.readValue();
        assertEquals(ArticleLimits.MAX_AMOUNTS, out.amounts().size());
        assertTrue(out.tags().stream().mapToInt(t -> t.evidence().size()).sum() <= ArticleLimits.MAX_EVIDENCE);
        assertTrue(Json.writeBytes(out).length < ArticleLimits.DEFAULT_MAX_RECORD_BYTES);
    }

    @Test
    void shouldRemoveControlCharactersAndBidiOverridesFromEveryField() {
        start(ArticleLimits.defaults());
        RawArticle dirty = new RawArticle("c1", "https://news.test/c1\u0000", "Wire\u202E", "CSTO\u0000 ministers "
                + "\u202Emeet", "By\u0007 A. Writer", null, null, T0, "en", "The bloc\u0000 met in Dushanbe.\u202E",
                "h1", RawArticle.SCHEMA_VERSION);
        d.send(dirty, T0);
        EnrichedArticle out = d.enriched.readValue();
        assertEquals("CSTO ministers meet", out.title());
        assertEquals("Wire", out.source());
        assertEquals("By A. Writer", out.byline());
        assertEquals("https://news.test/c1", out.url());
        assertEquals("The bloc met in Dushanbe.", out.body());
        assertFalse(d.alerts.readValue().title().contains("\u202E"));
    }

    @Test
    void shouldDeadLetterAJsonNullValueWithAReasonAPersonCanRead() {
        start(ArticleLimits.defaults());
        d.pipeRaw("n", "null".getBytes(StandardCharsets.UTF_8), T0);
        assertEquals("value is JSON null, not an article", reason(d.dlq.readRecord()));
    }

    @Test
    void shouldDeadLetterARecordWithAnAbsurdKeyWithoutCopyingTheKey() {
        start(ArticleLimits.defaults());
        String key = "k".repeat(100_000);
        d.pipeRaw(key, Json.writeBytes(article("k", "CSTO ministers meet", "The bloc met.", T0)), T0);
        TestRecord<byte[], byte[]> dead = d.dlq.readRecord();
        assertEquals(null, dead.key());
        assertEquals("true", new String(dead.headers().lastHeader(DeadLetterHeaders.KEY_TRUNCATED).value(),
                StandardCharsets.UTF_8));
        assertTrue(reason(dead).length() <= 1000);
        assertFalse(reason(dead).contains("\n"));
    }
}
