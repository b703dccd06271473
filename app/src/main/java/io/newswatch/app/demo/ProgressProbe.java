package io.newswatch.app.demo;

import io.newswatch.enrich.EnrichConfig;
import io.newswatch.model.topic.Topics;
import io.newswatch.sink.SinkConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * Tells whether the pipeline has caught up, the way an operator would: the lag of enrich's consumer group on
 * the raw topic and on its own repartition topics, and of the sink's group on the alert and aggregate topics,
 * are all zero.
 */
public final class ProgressProbe implements AutoCloseable {
    private final Admin admin;
    private final String enrichGroup;
    private final String sinkGroup;
    private final String raw;
    private final List<String> sinkTopics;

    ProgressProbe(EnrichConfig enrich, SinkConfig sink) {
        this.admin = Admin.create(enrich.clientProperties());
        this.enrichGroup = enrich.applicationId();
        this.sinkGroup = sink.groupId();
        this.raw = enrich.topic(Topics.RAW).name();
        this.sinkTopics = List.of(sink.topic(Topics.ALERTS).name(), sink.topic(Topics.AGGREGATES).name());
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
        return lag(enrichGroup, enrichInputs()) == 0 && lag(sinkGroup, sinkTopics) == 0;
    }

    /** The raw topic and the repartition topics that Kafka Streams made for enrich (named after its application id). */
    private List<String> enrichInputs() throws ExecutionException, InterruptedException {
        List<String> inputs = new java.util.ArrayList<>(List.of(raw));
        admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(enrichGroup + "-") && t.endsWith("-repartition"))
                .sorted().forEach(inputs::add);
        return inputs;
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
