package io.newswatch.enrich.topology;

import io.newswatch.model.dlq.DeadLetter;
import io.newswatch.model.dlq.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a dead letter into the record that goes to the DLQ topic: original bytes (cut to fit), reason in headers.
 * The key stays the record's key, unless it is longer than a dead letter may carry: then it is left out (the DLQ
 * record must always be writable) and a header says so.
 */
public final class DeadLetterRecord implements Processor<String, DeadLetter, String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRecord.class);
    private ProcessorContext<String, byte[]> context;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, DeadLetter> record) {
        DeadLetter letter = record.value();
        LOG.warn("dead letter from enrich: {} ({}) [{}]", letter.reason(), letter.errorClass(), letter.origin());
        boolean keyFits = record.key() == null
                || record.key().getBytes(StandardCharsets.UTF_8).length <= DeadLetter.MAX_KEY_BYTES;
        Record<String, byte[]> out = new Record<>(keyFits ? record.key() : null, letter.value(), record.timestamp(),
                letter.headers());
        if (!keyFits) {
            out.headers().add(DeadLetterHeaders.KEY_TRUNCATED, "true".getBytes(StandardCharsets.UTF_8));
        }
        context.forward(out);
    }
}
