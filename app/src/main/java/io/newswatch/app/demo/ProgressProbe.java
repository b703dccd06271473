package io.newswatch.app.demo;

import io.newswatch.enrich.EnrichConfig;
import io.newswatch.model.topic.Topics;
import io.newswatch.sink.SinkConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each stage of the pipeline is behind, the way an operator reads it: the lag of enrich's consumer group on
 * the raw topic and on each of its internal repartition topics (where an article waits between stages), and of the
 * sink's group on the alert and aggregate topics. "Caught up" means every stage's lag is zero: the last article is
 * enriched, its alert and counts are written and the sink has stored them.
 */
public final class ProgressProbe implements AutoCloseable {
    /** Enrich's stages after the first, by the repartition topic they read (named after the application id). */
    private static final Map<String, String> ENRICH_STAGES = enrichStages();

    private final Admin admin;
    private final String enrichGroup;
    private final String sinkGroup;
    private final String raw;
    private final List<String> sinkTopics;

    /** One stage: what it reads, and how many committed records there it has not processed yet. */
    public record Stage(String name, String group, List<String> topics, long lag) {
    }

    public ProgressProbe(EnrichConfig enrich, SinkConfig sink) {
        this.admin = Admin.create(enrich.clientProperties());
        this.enrichGroup = enrich.applicationId();
        this.sinkGroup = sink.groupId();
        this.raw = enrich.topic(Topics.RAW).name();
        this.sinkTopics = List.of(sink.topic(Topics.ALERTS).name(), sink.topic(Topics.AGGREGATES).name());
    }

    private static Map<String, String> enrichStages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("enrich: story placement (1 partition)", "signatures");
        stages.put("enrich: join back", "placements");
        stages.put("enrich: alerts", "alert-inputs");
        stages.put("enrich: spikes", "spike-inputs");
        stages.put("enrich: counts", "tag-windows");
        return stages;
    }

    /** Every stage in the order an article goes through them. */
    public List<Stage> stages() throws ExecutionException, InterruptedException {
        List<Stage> out = new ArrayList<>();
        out.add(stage("enrich: analyse", enrichGroup, List.of(raw)));
        java.util.Set<String> existing = admin.listTopics().names().get();
        for (var stage : ENRICH_STAGES.entrySet()) {
            String topic = enrichGroup + "-" + stage.getValue() + "-repartition";
            out.add(existing.contains(topic) ? stage(stage.getKey(), enrichGroup, List.of(topic))
                    : new Stage(stage.getKey(), enrichGroup, List.of(topic), 0));
        }
        out.add(stage("sink: database", sinkGroup, sinkTopics.stream().filter(existing::contains).toList()));
        return out;
    }

    private Stage stage(String name, String group, List<String> topics) throws ExecutionException,
            InterruptedException {
        return new Stage(name, group, topics, topics.isEmpty() ? 0 : lag(group, topics));
    }

    /** Records not yet processed by a group on the given topics (end offsets of committed data minus commits). */
    public long lag(String group, List<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()),
                        OffsetSpec.latest())));
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    public boolean caughtUp() throws ExecutionException, InterruptedException {
        return stages().stream().allMatch(s -> s.lag() == 0);
    }

    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try {
            // Two readings in a row: enrich's commit and the sink's read of its output are separate steps.
            int quiet = 0;
            while (quiet < 2) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("pipeline did not catch up within " + timeout);
                }
                quiet = caughtUp() ? quiet + 1 : 0;
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("waiting for the pipeline: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
