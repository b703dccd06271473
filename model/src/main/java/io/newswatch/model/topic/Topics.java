package io.newswatch.model.topic;

import io.newswatch.model.Alert;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.RawArticle;
import io.newswatch.model.TagCount;
import io.newswatch.model.json.JsonSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic Newswatch reads or writes, with its default name and serdes. Names can be changed per deployment
 * through the {@code topic.*} options; workers then use {@code config.topic(Topics.RAW)}.
 */
public final class Topics {
    public static final Topic<String, RawArticle> RAW = new Topic<>("newswatch.articles.raw",
            Serdes.String(), new JsonSerde<>(RawArticle.class), "topic.raw");
    public static final Topic<String, EnrichedArticle> ENRICHED = new Topic<>("newswatch.articles.enriched",
            Serdes.String(), new JsonSerde<>(EnrichedArticle.class), "topic.enriched");
    public static final Topic<String, Alert> ALERTS = new Topic<>("newswatch.alerts",
            Serdes.String(), new JsonSerde<>(Alert.class), "topic.alerts");
    public static final Topic<String, TagCount> AGGREGATES = new Topic<>("newswatch.aggregates",
            Serdes.String(), new JsonSerde<>(TagCount.class), "topic.aggregates");
    /**
     * Watch rules added at runtime, keyed by rule id; compacted, and a null value deletes the rule. Values are
     * bytes because a malformed rule must be rejected with a reason, not fail deserialisation.
     */
    public static final Topic<String, byte[]> RULES = new Topic<>("newswatch.rules",
            Serdes.String(), Serdes.ByteArray(), "topic.rules");
    /**
     * News sources added at runtime, keyed by source id; compacted, and a null value removes the source. Ingest
     * workers share them as a consumer group: each source is polled by the one worker that owns its partition.
     */
    public static final Topic<String, byte[]> SOURCES = new Topic<>("newswatch.sources",
            Serdes.String(), Serdes.ByteArray(), "topic.sources");
    /** Original bytes of what could not be processed; the reason is in the headers (see DeadLetters). */
    public static final Topic<byte[], byte[]> DLQ = new Topic<>("newswatch.dlq",
            Serdes.ByteArray(), Serdes.ByteArray(), "topic.dlq");

    public static final List<Topic<?, ?>> ALL = List.of(RAW, ENRICHED, ALERTS, AGGREGATES, RULES, SOURCES, DLQ);

    /** Topics that keep only the latest value per key. */
    public static final List<Topic<?, ?>> COMPACTED = List.of(RULES, SOURCES);

    private Topics() {
    }
}
