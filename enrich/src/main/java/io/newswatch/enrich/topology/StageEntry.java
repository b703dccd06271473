package io.newswatch.enrich.failure;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Stands right after a source topic and passes every record on, except one whose result failed to be written
 * before (see {@link PoisonRecords}): that one is refused with a {@link PoisonRecordException}, which the processing
 * exception handler turns into a dead letter, and the stream goes on with the next record.
 */
public final class PoisonGuard<K, V> implements FixedKeyProcessor<K, V, V> {
    private final PoisonRecords poison;
    private FixedKeyProcessorContext<K, V> context;

    public PoisonGuard(PoisonRecords poison) {
        this.poison = poison;
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
        context.forward(record);
    }
}
