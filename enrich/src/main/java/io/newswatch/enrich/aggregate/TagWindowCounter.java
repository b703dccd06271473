package io.newswatch.enrich.aggregate;

import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.TagCount;
import io.newswatch.model.TagMatch;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts tagged articles per tag in hourly and daily windows of event time (published, else fetched), and
 * emits the window's new count each time it changes. Late articles still count: a window is a key in a store,
 * not a stream-time-bound segment, so a backfill of old articles fills old windows instead of being dropped.
 */
public final class TagWindowCounter implements Processor<String, EnrichedArticle, String, TagCount> {
    public static final String STORE = "tag-windows";
    /** Window sizes and their labels on the wire (ISO-8601; {@code Duration.toString()} would say PT24H). */
    public static final java.util.Map<String, Duration> WINDOWS = new java.util.LinkedHashMap<>(java.util.Map.of(
            "PT1H", Duration.ofHours(1), "P1D", Duration.ofDays(1)));

    private ProcessorContext<String, TagCount> context;
    private KeyValueStore<String, WindowState> store;

    @Override
    public void init(ProcessorContext<String, TagCount> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        Instant eventTime = article.eventTime();
        Instant now = Instant.ofEpochMilli(record.timestamp());
        for (TagMatch tag : article.tags()) {
            for (var entry : WINDOWS.entrySet()) {
                Duration size = entry.getValue();
                long sizeMs = size.toMillis();
                Instant start = Instant.ofEpochMilli(Math.floorDiv(eventTime.toEpochMilli(), sizeMs) * sizeMs);
                String window = entry.getKey();
                String key = TagCount.keyFor(tag.tag(), window, start);
                WindowState state = store.get(key);
                if (state == null) {
                    state = WindowState.empty(tag.tag(), window, start, start.plus(size));
                }
                WindowState updated = state.with(article.id(), article.storyId(), article.source());
                if (updated != null) {
                    store.put(key, updated);
                    context.forward(new Record<>(key, updated.toTagCount(now), record.timestamp()));
                }
            }
        }
    }
}
