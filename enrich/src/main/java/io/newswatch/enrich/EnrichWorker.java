package io.newswatch.enrich;

import io.newswatch.enrich.alert.AlertRuleBook;
import io.newswatch.enrich.alert.LiveAlertRules;
import io.newswatch.enrich.tagging.RuleBook;
import io.newswatch.enrich.extract.Gazetteer;
import io.newswatch.enrich.failure.DeadLetterExceptionHandler;
import io.newswatch.enrich.failure.PoisonRecords;
import io.newswatch.enrich.topology.ArticleLimits;
import io.newswatch.enrich.topology.BoundedRocksDb;
import io.newswatch.enrich.topology.EnrichTopology;
import io.newswatch.enrich.topology.KafkaRawReader;
import io.newswatch.enrich.topology.StageLag;
import io.newswatch.enrich.topology.StageTimes;
import io.newswatch.enrich.topology.Warmup;
import io.newswatch.model.config.TopicAdmin;
import io.newswatch.model.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology as a Kafka Streams application with exactly-once processing. */
public final class EnrichWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichWorker.class);

    private final KafkaStreams streams;
    private final ArticleAnalyzer analyzer;
    private final io.newswatch.model.ops.OpsServer ops;
    /** Enough for the JIT to compile the per-article path before the first real article (see Warmup). */
    private static final Duration WARM_UP_LEAST = Duration.ofSeconds(3);
    private static final long LAG_REFRESH_SECONDS = 5;
    private static final Duration WARM_UP_MOST = Duration.ofSeconds(8);
    private final StageTimes stageTimes = new StageTimes();
    private final KafkaRawReader rawReader;
    private org.apache.kafka.clients.admin.Admin lagAdmin;
    private StageLag stageLag;

    public EnrichWorker(EnrichConfig config) {
        RuleBook rules = config.rulesFile() == null ? RuleBook.defaults() : RuleBook.load(config.rulesFile());
        AlertRuleBook alertRules = config.alertRulesFile() == null ? AlertRuleBook.defaults()
                : AlertRuleBook.load(config.alertRulesFile());
        Gazetteer gazetteer = config.gazetteerFile() == null ? Gazetteer.defaults()
                : Gazetteer.load(config.gazetteerFile());
        TopicAdmin.ensureTopics(config, List.of(Topics.RAW, Topics.ENRICHED, Topics.ALERTS, Topics.AGGREGATES,
                Topics.RULES, Topics.DLQ));
        String alertsTopic = config.topic(Topics.ALERTS).name();
        TopicAdmin.ensureNamed(config, alertRules.desks().stream().collect(java.util.stream.Collectors.toMap(
                d -> EnrichTopology.deskTopic(alertsTopic, d.id()), d -> false)));
        this.analyzer = new ArticleAnalyzer(rules, gazetteer);
        LOG.info("enrich: {} watch rules for {} tags, {} alert rules, desks {}, {} gazetteer entities",
                rules.rules().size(), rules.tags().size(), alertRules.alertRules().size(),
                alertRules.desks().stream().map(d -> d.id()).toList(), gazetteer.entities().size());
        PoisonRecords poison = new PoisonRecords();
        this.rawReader = new KafkaRawReader(config.clientProperties(), config.topic(Topics.RAW).name());
        Topology topology = EnrichTopology.build(t -> config.topic(t).name(), () -> analyzer,
                new LiveAlertRules(alertRules), config.options().withLimits(recordLimits(config))
                        .withPartitions(TopicAdmin.partitions(config, config.topic(Topics.RAW).name())), rawReader,
                poison, stageTimes);
        this.streams = new KafkaStreams(topology, streamsProperties(config, poison));
        // A bug on one record must not end processing for good: replace the thread, keep going.
        this.ops = config.opsServer("enrich", this::health, this::ready);
        if (ops != null) {
            new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(streams).bindTo(ops.registry());
            stageTimes.bindTo(ops.registry());
            this.lagAdmin = org.apache.kafka.clients.admin.Admin.create(config.clientProperties());
            this.stageLag = new StageLag(lagAdmin, config.applicationId(), config.topic(Topics.RAW).name());
            stageLag.bindTo(ops.registry(), LAG_REFRESH_SECONDS);
            LOG.info("enrich: metrics and health on port {}", ops.port());
        }
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("enrich stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /**
     * The configured limits, with the largest enriched article lowered to what the producer and the enriched topic
     * will take: under exactly-once a record they refuse would abort the transaction it is in, so enrich checks
     * the size itself, against the real limit.
     */
    private static ArticleLimits recordLimits(EnrichConfig config) {
        ArticleLimits configured = config.options().limits();
        Object requestSize = config.clientProperties().getOrDefault("max.request.size", 1_048_576);
        int producerMax = Integer.parseInt(String.valueOf(requestSize));
        String enrichedTopic = config.topic(Topics.ENRICHED).name();
        int topicMax = TopicAdmin.maxMessageBytes(config, enrichedTopic);
        int effective = Math.min(configured.maxRecordBytes(), Math.min(producerMax, topicMax));
        if (effective < configured.maxRecordBytes()) {
            LOG.warn("enrich: enriched articles kept under {} bytes, what {} takes ({} is {})", effective,
                    topicMax < producerMax ? "topic " + enrichedTopic : "the producer",
                    EnrichConfig.MAX_RECORD_BYTES, configured.maxRecordBytes());
        }
        return new ArticleLimits(configured.maxBodyChars(), effective);
    }

    /**
     * Kafka Streams settings tuned for latency under exactly-once (the benchmark's pass-through app uses them too).
     * An article crosses three transactions (its own partition, the story stage, back to its partition), and a
     * record waits for the transaction it was written in to commit before the next stage sees it: commits every
     * 50 ms instead of every 100, and a producer that sends within 5 ms instead of lingering 100, cut that wait; the
     * price is more, smaller transactions and batches (see the README's tuning notes). The task that reads raw
     * articles also reads their placements; the order between the two does not matter, so it never idles waiting
     * for one of them to have data ({@code max.task.idle.ms} -1).
     */
    public static final Map<String, Object> STREAMS_TUNING = Map.of(
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50,
            StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L,
            StreamsConfig.producerPrefix("linger.ms"), 5);

    static Properties streamsProperties(EnrichConfig config, PoisonRecords poison) {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor());
        props.putIfAbsent(StreamsConfig.producerPrefix("compression.type"), "lz4");
        STREAMS_TUNING.forEach(props::putIfAbsent);
        // Unreadable or oversized input is dead-lettered by the topology itself. Should processing still throw on a
        // record (a bug), or its result be refused by the producer or broker, the handler sends that record to the
        // same DLQ in the same format and processing goes on, instead of stopping the thread or (under
        // exactly-once) retrying the aborted transaction for ever.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topic(Topics.DLQ).name());
        props.put(PoisonRecords.CONFIG, poison);
        props.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        Properties properties = new Properties();
        properties.putAll(props);
        return properties;
    }

    public void start() {
        long started = System.nanoTime();
        int warmed = Warmup.run(analyzer, WARM_UP_LEAST, WARM_UP_MOST);
        LOG.info("enrich: warmed up on {} articles in {} ms", warmed, (System.nanoTime() - started) / 1_000_000);
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Up while Kafka Streams runs or rebalances; down when it has stopped or failed. */
    /** Ready when running with its tasks assigned (not while restoring state or rebalancing). */
    io.newswatch.model.ops.Health ready() {
        KafkaStreams.State state = streams.state();
        java.util.Map<String, Object> details = java.util.Map.of("streams", state.name());
        return state == KafkaStreams.State.RUNNING ? io.newswatch.model.ops.Health.up(details)
                : io.newswatch.model.ops.Health.down(details);
    }

    io.newswatch.model.ops.Health health() {
        KafkaStreams.State state = streams.state();
        java.util.Map<String, Object> details = java.util.Map.of("streams", state.name(),
                "watch_rules", analyzer.tagger().ruleIds().size());
        return state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED
                ? io.newswatch.model.ops.Health.up(details) : io.newswatch.model.ops.Health.down(details);
    }

    @Override
    public void close() {
        // Leave the group on a clean stop, so the other instances take over its tasks at once instead of after the
        // session timeout.
        if (ops != null) {
            ops.close();
            stageLag.close();
            lagAdmin.close(Duration.ofSeconds(5));
        }
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        analyzer.close();
        rawReader.close();
    }
}
