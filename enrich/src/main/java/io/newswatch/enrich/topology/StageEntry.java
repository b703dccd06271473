package io.newswatch.enrich.topology;

import io.newswatch.enrich.failure.PoisonRecordException;
import io.newswatch.enrich.failure.PoisonRecords;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The first processor after each source topic, where a record enters one stage of enrich. It refuses a record whose
 * result failed to be written before (see {@link PoisonRecords}) with a {@link PoisonRecordException}, which the
 * processing exception handler turns into a dead letter, and the stream goes on with the next record. It also times
 * the stage: forwarding a record runs the whole stage on it (processing, state, serialising what it sends), so the
 * time spent there, per stage, is where enrich's time goes.
 */
public final class StageEntry<K, V> implements FixedKeyProcessor<K, V, V> {
    private final PoisonRecords poison;
    private final StageTimes times;
    private final String stage;
    private FixedKeyProcessorContext<K, V> context;

    public StageEntry(PoisonRecords poison, StageTimes times, String stage) {
        this.poison = poison;
        this.times = times;
        this.stage = stage;
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        if (poison.size() > 0) {
            RecordMetadata meta = context.recordMetadata().orElse(null);
            String reason = meta == null ? null : poison.reason(meta.topic(), meta.partition(), meta.offset());
            if (reason != null) {
                throw new PoisonRecordException(reason);
            }
        }
        long started = System.nanoTime();
        try {
            context.forward(record);
        } finally {
            times.add(stage, System.nanoTime() - started);
        }
    }
}
