package io.newswatch.enrich.topology;

import io.newswatch.model.dlq.DeadLetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a dead letter into the record that goes to the DLQ topic: original bytes, reason in headers. */
public final class DeadLetterRecord implements FixedKeyProcessor<String, Parsed, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRecord.class);
    private FixedKeyProcessorContext<String, byte[]> context;

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Parsed> record) {
        DeadLetter letter = record.value().deadLetter();
        LOG.warn("dead letter from enrich: {} ({}) [{}]", letter.reason(), letter.errorClass(), letter.origin());
        FixedKeyRecord<String, byte[]> out = record.withValue(letter.value());
        for (Header header : letter.headers()) {
            out.headers().add(header);
        }
        context.forward(out);
    }
}
