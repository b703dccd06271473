package io.newswatch.enrich.aggregate;

import io.newswatch.model.TagCount;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts tagged articles per tag in hourly and daily windows of event time, and emits the window's new count each
 * time it changes. Late articles still count: a window is a key in a store, not a stream-time-bound segment, so a
 * backfill of old articles fills old windows instead of being dropped.
 */
public final class TagWindowCounter implements Processor<String, CountEvent, String, TagCount> {
    public static final String STORE = "tag-windows";

    private ProcessorContext<String, TagCount> context;
    private KeyValueStore<String, WindowState> store;

    @Override
    public void init(ProcessorContext<String, TagCount> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, CountEvent> record) {
        CountEvent event = record.value();
        WindowState state = store.get(record.key());
        if (state == null) {
            state = WindowState.empty(event.tag(), event.window(), event.windowStart(), event.windowEnd());
        }
        WindowState updated = state.with(event.articleId(), event.storyId(), event.source());
        if (updated != null) {
            store.put(record.key(), updated);
            context.forward(new Record<>(record.key(), updated.toTagCount(Instant.ofEpochMilli(record.timestamp())),
                    record.timestamp()));
        }
    }
}
