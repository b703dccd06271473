package io.newswatch.enrich.topology;

import io.newswatch.enrich.ArticleAnalyzer;
import io.newswatch.enrich.alert.AlertRuleBook;
import io.newswatch.enrich.alert.LiveAlertRules;
import io.newswatch.enrich.failure.DeadLetterExceptionHandler;
import io.newswatch.enrich.failure.PoisonRecords;
import io.newswatch.model.topic.Topic;
import io.newswatch.model.Alert;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.RawArticle;
import io.newswatch.model.TagCount;
import io.newswatch.model.json.Json;
import io.newswatch.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The enrich topology on a {@link TopologyTestDriver}, with its topics at hand, for tests that pin one behaviour
 * each. Articles are sent with explicit record times.
 */
public final class EnrichDriver implements AutoCloseable {
    public static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.defaults();
    public static final Instant T0 = Instant.parse("2026-03-10T08:15:00Z");

    public final TopologyTestDriver driver;
    public final TestInputTopic<String, byte[]> raw;
    public final TestInputTopic<String, byte[]> rules;
    public final TestOutputTopic<String, EnrichedArticle> enriched;
    public final TestOutputTopic<String, Alert> alerts;
    public final TestOutputTopic<String, TagCount> counts;
    public final TestOutputTopic<byte[], byte[]> dlq;
    public final PoisonRecords poison = new PoisonRecords();
    public final StageTimes times = new StageTimes();

    public EnrichDriver(Path stateDir) {
        this(stateDir, AlertRuleBook.defaults(), EnrichOptions.defaults());
    }

    public EnrichDriver(Path stateDir, AlertRuleBook alertRules, EnrichOptions options) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class.getName());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DLQ.name());
        props.put(PoisonRecords.CONFIG, poison);
        driver = new TopologyTestDriver(EnrichTopology.build(Topic::name, () -> ANALYZER,
                new LiveAlertRules(alertRules), options, this::rawRecord, poison, times), props);
        raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
        rules = driver.createInputTopic(Topics.RULES.name(), new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
        alerts = desk(null);
        counts = driver.createOutputTopic(Topics.AGGREGATES.name(), Topics.AGGREGATES.keySerde().deserializer(),
                Topics.AGGREGATES.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The alert topic of one desk, or the topic of all alerts when {@code desk} is null. */
    public TestOutputTopic<String, Alert> desk(String desk) {
        String topic = desk == null ? Topics.ALERTS.name() : EnrichTopology.deskTopic(Topics.ALERTS.name(), desk);
        return driver.createOutputTopic(topic, Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
    }

    /** An article of the "Test Wire" source, fetched at T0. */
    public static RawArticle article(String id, String title, String body, Instant publishedAt) {
        return article(id, "Test Wire", title, body, publishedAt, T0);
    }

    public static RawArticle article(String id, String source, String title, String body, Instant publishedAt,
                                     Instant fetchedAt) {
        return new RawArticle(id, "https://news.test/" + id, source, title, null, null, publishedAt, fetchedAt, "en",
                body, "hash-" + id + "-" + body.hashCode(), RawArticle.SCHEMA_VERSION);
    }

    public void send(RawArticle article, Instant at) {
        pipeRaw(article.id(), Json.writeBytes(article), at);
    }

    /** Every raw record piped, by offset (the test driver has one partition): what a raw reader would read again. */
    private final java.util.List<RawReader.Record> rawRecords = new java.util.ArrayList<>();

    /** Puts a record on the raw topic, remembering it so that it can be read again by offset. */
    public void pipeRaw(String key, byte[] value, Instant at) {
        rawRecords.add(new RawReader.Record(key, value, at.toEpochMilli()));
        raw.pipeInput(key, value, at);
    }

    private RawReader.Record rawRecord(int partition, long offset) {
        return offset < rawRecords.size() ? rawRecords.get((int) offset) : null;
    }

    /** A rule record on the rules topic; null deletes. */
    public void rule(String key, String json, Instant at) {
        rules.pipeInput(key, json == null ? null : json.getBytes(StandardCharsets.UTF_8), at);
    }

    @Override
    public void close() {
        driver.close();
    }
}
