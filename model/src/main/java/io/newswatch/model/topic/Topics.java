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
     * bytes because a malformed rule must be rejected with a reason, not fail deserialisation. One partition, as
     * Kafka Connect does for its config topic: a tombstone sent by any client, with any partitioner, lands on the
     * record it deletes.
     */
    public static final Topic<String, byte[]> RULES = new Topic<>("newswatch.rules",
            Serdes.String(), Serdes.ByteArray(), "topic.rules", 1);
    /**
     * News sources added at runtime, keyed by source id; compacted, and a null value removes the source. One
     * partition, like the rules. Every ingest worker reads all of it; which worker polls which source is decided by
     * the consumer group over {@link #INGEST_SHARDS}.
     */
    public static final Topic<String, byte[]> SOURCES = new Topic<>("newswatch.sources",
            Serdes.String(), Serdes.ByteArray(), "topic.sources", 1);
    /**
     * Holds no records: its partitions are the shares of the sources that ingest workers divide among themselves as
     * a consumer group. A source belongs to the share {@code murmur2(id) mod partitions}, and so to one worker, and
     * moves when workers join or leave.
     */
    public static final Topic<byte[], byte[]> INGEST_SHARDS = new Topic<>("newswatch.ingest.shards",
            Serdes.ByteArray(), Serdes.ByteArray(), "topic.ingest.shards");
    /** Original bytes of what could not be processed; the reason is in the headers (see DeadLetters). */
    public static final Topic<byte[], byte[]> DLQ = new Topic<>("newswatch.dlq",
            Serdes.ByteArray(), Serdes.ByteArray(), "topic.dlq");

    public static final List<Topic<?, ?>> ALL = List.of(RAW, ENRICHED, ALERTS, AGGREGATES, RULES, SOURCES, DLQ,
            INGEST_SHARDS);

    /** Topics that keep only the latest value per key. */
    public static final List<Topic<?, ?>> COMPACTED = List.of(RULES, SOURCES);

    private Topics() {
    }
}
