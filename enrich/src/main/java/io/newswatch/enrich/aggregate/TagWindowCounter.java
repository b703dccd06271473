package io.newswatch.enrich.aggregate;

import io.newswatch.model.TagCount;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts tagged articles in hourly and daily windows of event time. Each change is sent as a {@code live} count;
 * when the watermark (the latest event time this task has seen) passes a window's end plus the grace period, the
 * window's {@code final} count is sent once and its state deleted. An article for a closed window is too late: it
 * is dropped and counted in the log, so dashboards can trust that a final value is final.
 *
 * <p>The watermark ignores event times far ahead of the record's own time (a wrongly dated article must not close
 * every window at once), and is kept in a store so that a restart does not reopen closed windows.
 */
public final class TagWindowCounter implements Processor<String, CountEvent, String, TagCount> {
    public static final String STORE = "tag-windows";
    public static final String WATERMARK_STORE = "tag-windows-watermark";
    private static final String WATERMARK = "watermark";
    /** How far an event time may run ahead of the record time and still move the watermark. */
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(TagWindowCounter.class);

    private final Duration grace;
    private final TreeMap<Long, Set<String>> closing = new TreeMap<>();
    private ProcessorContext<String, TagCount> context;
    private KeyValueStore<String, WindowState> store;
    private KeyValueStore<String, Long> watermarkStore;
    private long watermark = Long.MIN_VALUE;
    private long dropped;

    public TagWindowCounter(Duration grace) {
        this.grace = grace;
    }

    @Override
    public void init(ProcessorContext<String, TagCount> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.watermarkStore = context.getStateStore(WATERMARK_STORE);
        Long saved = watermarkStore.get(WATERMARK);
        watermark = saved == null ? Long.MIN_VALUE : saved;
        try (KeyValueIterator<String, WindowState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, WindowState> entry = all.next();
                schedule(entry.key, entry.value);
            }
        }
    }

    @Override
    public void process(Record<String, CountEvent> record) {
        CountEvent event = record.value();
        if (event.windowEnd().plus(grace).toEpochMilli() <= watermark) {
            dropped++;
            if (Long.bitCount(dropped) == 1) {
                LOG.warn("dropped a count for {} {} window at {}: later than the grace period {} ({} dropped so far)",
                        event.tag(), event.window(), event.windowStart(), grace, dropped);
            }
            return;
        }
        WindowState state = store.get(record.key());
        if (state == null) {
            state = WindowState.empty(event);
            schedule(record.key(), state);
        }
        WindowState updated = state.with(event.articleId(), event.storyId(), event.articleSource());
        if (updated != null) {
            store.put(record.key(), updated);
            context.forward(new Record<>(record.key(), updated.toTagCount(TagCount.LIVE, now(record)),
                    record.timestamp()));
        }
        advance(Math.min(event.eventTime().toEpochMilli(), record.timestamp() + FUTURE_TOLERANCE.toMillis()),
                record);
    }

    private void advance(long eventTime, Record<String, CountEvent> record) {
        if (eventTime <= watermark) {
            return;
        }
        watermark = eventTime;
        watermarkStore.put(WATERMARK, watermark);
        while (!closing.isEmpty() && closing.firstKey() <= watermark) {
            Map.Entry<Long, Set<String>> due = closing.pollFirstEntry();
            for (String key : due.getValue()) {
                WindowState state = store.get(key);
                if (state != null) {
                    store.delete(key);
                    context.forward(new Record<>(key, state.toTagCount(TagCount.FINAL, now(record)),
                            record.timestamp()));
                }
            }
        }
    }

    private void schedule(String key, WindowState state) {
        closing.computeIfAbsent(state.closesAt(grace).toEpochMilli(), k -> new TreeSet<>()).add(key);
    }

    private static Instant now(Record<?, ?> record) {
        return Instant.ofEpochMilli(record.timestamp());
    }
}
