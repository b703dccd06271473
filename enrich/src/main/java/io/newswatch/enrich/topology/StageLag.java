package io.newswatch.enrich.topology;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far behind each of enrich's stages is: the lag of its consumer group on the raw topic and on every internal
 * repartition topic, where an article waits between stages. The raw topic's lag alone reaches zero while articles
 * still sit in those topics, so an operator watching only it would think enrich caught up too early.
 */
public final class StageLag implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StageLag.class);

    /** Stages after the first, by the repartition topic they read (the suffix Kafka Streams adds to the app id). */
    private static final Map<String, String> REPARTITIONED = repartitioned();

    private final Admin admin;
    private final String group;
    private final String rawTopic;
    private final Map<String, Long> latest = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;

    /** One stage: what it reads, and how many committed records there its group has not processed yet. */
    public record Stage(String name, String group, List<String> topics, long lag) {
    }

    public StageLag(Admin admin, String applicationId, String rawTopic) {
        this.admin = admin;
        this.group = applicationId;
        this.rawTopic = rawTopic;
    }

    private static Map<String, String> repartitioned() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("story", "signatures");
        stages.put("join", "placements");
        stages.put("alerts", "alert-inputs");
        stages.put("spikes", "spike-inputs");
        stages.put("counts", "tag-windows");
        return stages;
    }

    /** Enrich's stages in the order an article goes through them, with their lag now. */
    public List<Stage> stages() throws ExecutionException, InterruptedException {
        List<Stage> out = new ArrayList<>();
        out.add(stage(admin, "analyse", group, List.of(rawTopic)));
        Set<String> existing = admin.listTopics().names().get();
        for (var stage : REPARTITIONED.entrySet()) {
            String topic = group + "-" + stage.getValue() + "-repartition";
            out.add(existing.contains(topic) ? stage(admin, stage.getKey(), group, List.of(topic))
                    : new Stage(stage.getKey(), group, List.of(topic), 0));
        }
        return out;
    }

    /** A stage of any consumer group. */
    public static Stage stage(Admin admin, String name, String group, List<String> topics)
            throws ExecutionException, InterruptedException {
        return new Stage(name, group, topics, topics.isEmpty() ? 0 : lag(admin, group, topics));
    }

    /** Records not yet processed by a group on the given topics (end offsets of committed data minus commits). */
    public static long lag(Admin admin, String group, List<String> topics) throws ExecutionException,
            InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> ends.put(new TopicPartition(name, p.partition()),
                        OffsetSpec.latest())));
        var offsets = admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : offsets.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    /**
     * Publishes {@code newswatch_enrich_stage_lag{stage}}, refreshed every {@code seconds} on a thread of its own
     * (asking the brokers takes a round trip; a scrape must not wait for it).
     */
    public void bindTo(MeterRegistry registry, long seconds) {
        for (String stage : stageNames()) {
            latest.put(stage, 0L);
            Gauge.builder("newswatch.enrich.stage.lag", latest, m -> m.getOrDefault(stage, 0L))
                    .description("Records committed to the topic a stage reads that it has not processed yet")
                    .tag("stage", stage).register(registry);
        }
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newswatch-stage-lag");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, seconds, TimeUnit.SECONDS);
    }

    private void refresh() {
        try {
            stages().forEach(s -> latest.put(s.name(), s.lag()));
        } catch (ExecutionException e) {
            LOG.warn("enrich: could not read stage lag: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("enrich: could not read stage lag: {}", e.toString());
        }
    }

    static List<String> stageNames() {
        List<String> names = new ArrayList<>(List.of("analyse"));
        names.addAll(REPARTITIONED.keySet());
        return names;
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }
}
