package io.newswatch.enrich.topology;

import io.newswatch.enrich.aggregate.CountEvent;
import io.newswatch.enrich.aggregate.TagWindowCounter;
import io.newswatch.enrich.aggregate.WindowState;
import io.newswatch.enrich.alert.AlertProcessor;
import io.newswatch.enrich.alert.AlertRuleBook;
import io.newswatch.enrich.ArticleAnalyzer;
import io.newswatch.model.Alert;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.json.JsonSerde;
import io.newswatch.model.topic.Topic;
import io.newswatch.model.topic.Topics;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the enrich topology:
 * <pre>
 * rules (global) ─► live changes to the watch rules of every instance
 * raw (bytes) ─► parse ─┬─► dlq                       (not an article: original bytes + reason headers)
 *                       └─► dedupe + tag ─► enriched
 *                                        ├─► alerts     (one per story per alert rule, updated in place)
 *                                        └─► aggregates (hourly and daily tag counts on event time)
 * </pre>
 * Topic names come from {@code topics}, so a deployment can rename them.
 */
public final class EnrichTopology {
    private EnrichTopology() {
    }

    public static Topology build(Function<Topic<?, ?>, String> topicNames, Supplier<ArticleAnalyzer> analyzer,
                                 Supplier<AlertRuleBook> alertRules) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ArticleEnricher.STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AlertProcessor.STORE),
                Serdes.String(), new JsonSerde<>(Alert.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TagWindowCounter.STORE),
                Serdes.String(), new JsonSerde<>(WindowState.class)));

        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RuleUpdates.STORE),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                topicNames.apply(Topics.RULES), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("rules"),
                () -> new RuleUpdates(() -> analyzer.get().tagger()));

        KStream<String, Parsed> parsed = builder
                .stream(topicNames.apply(Topics.RAW), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("raw-articles"))
                .processValues(RawArticleParser::new, Named.as("parse"));

        parsed.filterNot((key, value) -> value.ok(), Named.as("unreadable"))
                .processValues(DeadLetterRecord::new, Named.as("dead-letter"))
                .to(topicNames.apply(Topics.DLQ), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("dlq"));

        KStream<String, EnrichedArticle> enriched = parsed
                .filter((key, value) -> value.ok(), Named.as("readable"))
                .mapValues(Parsed::article, Named.as("article"))
                .processValues(() -> new ArticleEnricher(analyzer), Named.as("enrich"), ArticleEnricher.STORE);
        enriched.to(topicNames.apply(Topics.ENRICHED), Produced.with(Topics.ENRICHED.keySerde(),
                Topics.ENRICHED.valueSerde()).withName("enriched-articles"));

        KStream<String, EnrichedArticle> tagged = enriched.filter((key, article) -> !article.tags().isEmpty(),
                Named.as("tagged"));
        tagged.process(() -> new AlertProcessor(alertRules), Named.as("alert"), AlertProcessor.STORE)
                .to(topicNames.apply(Topics.ALERTS), Produced.with(Topics.ALERTS.keySerde(),
                        Topics.ALERTS.valueSerde()).withName("alerts"));
        tagged.flatMap((id, article) -> CountEvent.of(article), Named.as("count-events"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(CountEvent.class)).withName("tag-windows"))
                .process(TagWindowCounter::new, Named.as("count"), TagWindowCounter.STORE)
                .to(topicNames.apply(Topics.AGGREGATES), Produced.with(Topics.AGGREGATES.keySerde(),
                        Topics.AGGREGATES.valueSerde()).withName("aggregates"));
        return builder.build();
    }

    /** With the default topic names. */
    public static Topology build(ArticleAnalyzer analyzer, AlertRuleBook alertRules) {
        return build(Topic::name, () -> analyzer, () -> alertRules);
    }
}
