package io.newswatch.app.demo;

import io.newswatch.enrich.EnrichConfig;
import io.newswatch.enrich.topology.StageLag;
import io.newswatch.model.topic.Topics;
import io.newswatch.sink.SinkConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * How far each stage of the pipeline is behind, the way an operator reads it: the lag of enrich's consumer group on
 * the raw topic and on each of its internal repartition topics (where an article waits between stages), and of the
 * sink's group on the alert and aggregate topics. "Caught up" means every stage's lag is zero: the last article is
 * enriched, its alert and counts are written and the sink has stored them.
 */
public final class ProgressProbe implements AutoCloseable {
    private final Admin admin;
    private final StageLag enrich;
    private final String sinkGroup;
    private final List<String> sinkTopics;

    public ProgressProbe(EnrichConfig enrich, SinkConfig sink) {
        this.admin = Admin.create(enrich.clientProperties());
        this.enrich = new StageLag(admin, enrich.applicationId(), enrich.topic(Topics.RAW).name());
        this.sinkGroup = sink.groupId();
        this.sinkTopics = List.of(sink.topic(Topics.ALERTS).name(), sink.topic(Topics.AGGREGATES).name());
    }

    /** Every stage in the order an article goes through them. */
    public List<StageLag.Stage> stages() throws ExecutionException, InterruptedException {
        List<StageLag.Stage> out = new ArrayList<>();
        for (StageLag.Stage s : enrich.stages()) {
            out.add(new StageLag.Stage("enrich: " + s.name(), s.group(), s.topics(), s.lag()));
        }
        Set<String> existing = admin.listTopics().names().get();
        out.add(StageLag.stage(admin, "sink: database", sinkGroup, sinkTopics.stream().filter(existing::contains)
                .toList()));
        return out;
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
