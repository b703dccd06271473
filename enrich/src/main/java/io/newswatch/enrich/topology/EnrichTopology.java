package io.newswatch.enrich.topology;

import io.newswatch.enrich.ArticleAnalyzer;
import io.newswatch.enrich.aggregate.CountEvent;
import io.newswatch.enrich.aggregate.TagWindowCounter;
import io.newswatch.enrich.aggregate.WindowCount;
import io.newswatch.enrich.alert.AlertProcessor;
import io.newswatch.enrich.alert.AlertRuleBook;
import io.newswatch.enrich.alert.Desk;
import io.newswatch.enrich.alert.LiveAlertRules;
import io.newswatch.enrich.alert.StoryArticle;
import io.newswatch.enrich.failure.PoisonRecords;
import io.newswatch.enrich.spike.HourCount;
import io.newswatch.enrich.spike.SpikeDetector;
import io.newswatch.enrich.spike.SpikeInput;
import io.newswatch.enrich.spike.TagSeen;
import io.newswatch.enrich.story.Placed;
import io.newswatch.enrich.story.Placement;
import io.newswatch.enrich.story.StoryCandidate;
import io.newswatch.enrich.story.StoryClusterer;
import io.newswatch.enrich.story.StorySignature;
import io.newswatch.model.Alert;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.json.JsonSerde;
import io.newswatch.model.topic.Topic;
import io.newswatch.model.topic.Topics;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the enrich topology. Only signatures cross the single partition; everything else runs on as many
 * partitions as the raw topic has:
 * <pre>
 * rules (global) ─► live changes to the watch rules and alert rules of every instance
 * raw ─► parse ─┬─► dlq                            (not an article: original bytes + reason headers)
 *               └─► dedupe + tag + entities + amounts ─► pending (memory) [N partitions, by raw partition]
 *                     └─► candidate ─► [signatures: 1 partition] ─► story placement
 *                           ├─► [placements: back to the article's raw partition] ─► join pending ─► enriched
 *                           │        ├─► [tag-windows: N, by window] ─► counts ─► aggregates
 *                           │        └─► [spike-inputs: N, by tag] ─► spikes ─┐
 *                           └─► [alert-inputs: N, by story] ─► alerts ────────┴─► alerts, alerts.&lt;desk&gt;
 * </pre>
 * Topic names come from {@code topicNames}, so a deployment can rename them.
 */
public final class EnrichTopology {
    private EnrichTopology() {
    }

    public static Topology build(Function<Topic<?, ?>, String> topicNames, Supplier<ArticleAnalyzer> analyzer,
                                 LiveAlertRules alertRules, EnrichOptions options, RawReader raw) {
        return build(topicNames, analyzer, alertRules, options, raw, new PoisonRecords(), new StageTimes());
    }

    /**
     * @param poison the records this instance's exception handler found unwritable (see {@link PoisonRecords});
     *               the same object must reach the handler through {@link PoisonRecords#CONFIG}
     * @param times  where each stage's time is counted
     * @param raw    reads a raw record again for an article placed in a story but no longer pending here
     */
    public static Topology build(Function<Topic<?, ?>, String> topicNames, Supplier<ArticleAnalyzer> analyzer,
                                 LiveAlertRules alertRules, EnrichOptions options, RawReader raw,
                                 PoisonRecords poison, StageTimes times) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RuleUpdates.STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                topicNames.apply(Topics.RULES), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("rules"),
                () -> new RuleUpdates(() -> analyzer.get().tagger(), alertRules));
        int partitions = options.partitions();
        PendingArticles kept = new PendingArticles();

        KStream<String, Parsed> parsed = builder
                .stream(topicNames.apply(Topics.RAW), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("raw-articles"))
                .processValues(() -> new StageEntry<>(poison, times, "analyse"), Named.as("raw-guard"))
                .processValues(() -> new RawArticleParser(options.limits()), Named.as("parse"));

        // Tagging is the expensive part and runs on every partition; placing an article in a story compares it with
        // every recent article, so that step runs on one, and only the signatures go there.
        KStream<String, Analysed> analysed = parsed
                .filter((key, value) -> value.ok(), Named.as("readable"))
                .processValues(() -> new ArticleEnricher(analyzer, options.limits(), kept), Named.as("enrich"),
                        ArticleEnricher.STORE);
        parsed.filterNot((key, value) -> value.ok(), Named.as("unreadable"))
                .mapValues(Parsed::deadLetter, Named.as("unreadable-reason"))
                .merge(analysed.filterNot((key, value) -> value.ok(), Named.as("too-large"))
                        .mapValues(Analysed::deadLetter, Named.as("too-large-reason")), Named.as("dead-letters"))
                .process(DeadLetterRecord::new, Named.as("dead-letter"))
                .to(topicNames.apply(Topics.DLQ), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("dlq"));

        KStream<String, Placed> placed = analysed
                .filter((key, value) -> value.ok(), Named.as("analysed-ok"))
                .mapValues(Analysed::candidate, Named.as("candidate"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(StoryCandidate.class))
                        .withNumberOfPartitions(1).withName("signatures"))
                .processValues(() -> new StageEntry<>(poison, times, "story"), Named.as("signatures-guard"))
                .processValues(() -> new StoryClusterer(options.story()), Named.as("story"), StoryClusterer.STORE);

        KStream<String, SerializedArticle> completed = placed
                .mapValues(Placed::placement, Named.as("placement"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(Placement.class))
                        .withStreamPartitioner(EnrichTopology::backToItsPartition)
                        .withNumberOfPartitions(partitions).withName("placements"))
                .processValues(() -> new StageEntry<>(poison, times, "join"), Named.as("placements-guard"))
                .processValues(() -> new StoryJoiner(kept, raw, analyzer, options.limits()), Named.as("join"));
        completed.to(topicNames.apply(Topics.ENRICHED), Produced.with(Topics.ENRICHED.keySerde(),
                SerializedArticle.SERDE).withName("enriched-articles"));
        KStream<String, EnrichedArticle> enriched = completed.mapValues(SerializedArticle::article,
                Named.as("enriched"));

        KStream<String, Alert> storyAlerts = placed
                .filter((key, value) -> value.article() != null, Named.as("tagged"))
                .map((key, value) -> KeyValue.pair(value.article().storyId(), value.article()),
                        Named.as("by-story"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(StoryArticle.class))
                        .withNumberOfPartitions(partitions).withName("alert-inputs"))
                .processValues(() -> new StageEntry<>(poison, times, "alerts"), Named.as("alert-inputs-guard"))
                .process(() -> new AlertProcessor(alertRules::book, options.story().retention()), Named.as("alert"),
                        AlertProcessor.STORE, AlertProcessor.MEMBER_STORE);
        KStream<String, Alert> spikeAlerts = enriched
                .flatMap((id, article) -> SpikeInput.of(article), Named.as("by-tag"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(SpikeInput.class))
                        .withNumberOfPartitions(partitions).withName("spike-inputs"))
                .processValues(() -> new StageEntry<>(poison, times, "spikes"), Named.as("spike-inputs-guard"))
                .process(() -> new SpikeDetector(options.spike(), options.story().retention()), Named.as("spike"),
                        SpikeDetector.STORE, SpikeDetector.SEEN_STORE, SpikeDetector.ALERT_STORE);
        KStream<String, Alert> alerts = storyAlerts.merge(spikeAlerts, Named.as("all-alerts"));
        String alertsTopic = topicNames.apply(Topics.ALERTS);
        alerts.to(alertsTopic, Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName("alerts"));
        List<Desk> desks = alertRules.book().desks();
        alerts.flatMapValues(alert -> desks.stream().filter(d -> d.receives(alert))
                        .map(d -> new DeskAlert(d.id(), alert)).toList(), Named.as("desk-filters"))
                .to((key, routed, context) -> deskTopic(alertsTopic, routed.desk()),
                        Produced.with(Serdes.String(), DeskAlert.SERDE).withName("desk-alerts"));

        enriched.filter((key, article) -> !article.tags().isEmpty(), Named.as("counted"))
                .flatMap((id, article) -> CountEvent.of(article), Named.as("count-events"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(CountEvent.class))
                        .withNumberOfPartitions(partitions).withName("tag-windows"))
                .processValues(() -> new StageEntry<>(poison, times, "counts"), Named.as("tag-windows-guard"))
                .process(() -> new TagWindowCounter(options.aggregateGrace(), options.aggregateRetention()),
                        Named.as("count"), TagWindowCounter.STORE, TagWindowCounter.MEMBER_STORE,
                        TagWindowCounter.WATERMARK_STORE)
                .to(topicNames.apply(Topics.AGGREGATES), Produced.with(Topics.AGGREGATES.keySerde(),
                        Topics.AGGREGATES.valueSerde()).withName("aggregates"));
        return builder.build();
    }

    /** A placement goes to the partition its article was read from, where the article waits for it. */
    private static Optional<Set<Integer>> backToItsPartition(String topic, String key, Placement placement,
                                                             int numPartitions) {
        return Optional.of(Set.of(Math.floorMod(placement.sourcePartition(), numPartitions)));
    }

    /** The topic of one desk's alerts: {@code <alerts topic>.<desk>}. */
    public static String deskTopic(String alertsTopic, String desk) {
        return alertsTopic + "." + desk;
    }

    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleEnricher.STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryClusterer.STORE),
                Serdes.String(), new JsonSerde<>(StorySignature.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AlertProcessor.STORE),
                Serdes.String(), new JsonSerde<>(Alert.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AlertProcessor.MEMBER_STORE),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SpikeDetector.STORE),
                Serdes.String(), new JsonSerde<>(HourCount.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SpikeDetector.SEEN_STORE),
                Serdes.String(), new JsonSerde<>(TagSeen.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SpikeDetector.ALERT_STORE),
                Serdes.String(), new JsonSerde<>(Alert.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TagWindowCounter.STORE),
                Serdes.String(), new JsonSerde<>(WindowCount.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TagWindowCounter.MEMBER_STORE),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TagWindowCounter.WATERMARK_STORE), Serdes.String(), Serdes.Long()));
    }


    /** An alert on its way to one desk's topic. */
    record DeskAlert(String desk, Alert alert) {
        static final Serde<DeskAlert> SERDE = Serdes.serdeFrom(
                (topic, routed) -> Topics.ALERTS.valueSerde().serializer().serialize(topic, routed.alert()),
                (topic, bytes) -> {
                    throw new UnsupportedOperationException("desk alerts are read as Alert from the desk topic");
                });
    }
}
