package io.newswatch.enrich.topology;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time spent and records taken in each stage of enrich, counted by {@link StageEntry}: what an operator reads to see
 * where enrich's time goes, and how much of it the single-partition story stage takes. Thread-safe.
 */
public final class StageTimes {
    /** The stages, in the order an article goes through them. */
    public static final List<String> STAGES = List.of("analyse", "story", "join", "alerts", "spikes", "counts");

    private final Map<String, LongAdder> nanos = new LinkedHashMap<>();
    private final Map<String, LongAdder> records = new LinkedHashMap<>();

    public StageTimes() {
        for (String stage : STAGES) {
            nanos.put(stage, new LongAdder());
            records.put(stage, new LongAdder());
        }
    }

    void add(String stage, long elapsedNanos) {
        nanos.get(stage).add(elapsedNanos);
        records.get(stage).increment();
    }

    public long nanos(String stage) {
        return nanos.get(stage).sum();
    }

    public long records(String stage) {
        return records.get(stage).sum();
    }

    /** {@code newswatch_enrich_stage_seconds_total{stage}} and {@code newswatch_enrich_stage_records_total{stage}}. */
    public void bindTo(MeterRegistry registry) {
        for (String stage : STAGES) {
            FunctionCounter.builder("newswatch.enrich.stage.seconds", nanos.get(stage),
                            n -> n.sum() / (double) TimeUnit.SECONDS.toNanos(1))
                    .tag("stage", stage).description("Time spent processing records in this stage of enrich")
                    .register(registry);
            FunctionCounter.builder("newswatch.enrich.stage.records", records.get(stage), LongAdder::sum)
                    .tag("stage", stage).description("Records processed by this stage of enrich").register(registry);
        }
    }
}
