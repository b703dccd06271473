package io.newswatch.enrich.aggregate;

import io.newswatch.model.TagCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts tagged articles in hourly and daily windows of event time. Each change of an open window is sent as a
 * {@code live} count; when the watermark (the latest event time this task has seen) passes a window's end plus the
 * grace period, the window's {@code final} count is sent. An article for a window that has closed is still counted:
 * the window's count is sent again as a {@code revision}, so a backfill in any order ends with the same counts as in
 * order. A closed window is remembered for the retention period (in record time) and then forgotten; an article for
 * a forgotten window starts it again, and the sink keeps the higher count it already has.
 *
 * <p>Which articles and stories a window has counted are kept as one small entry each in a members store (key:
 * window key, a separator, {@code a:} or {@code s:} and the id), so an article processed twice is counted once and no
 * single store record grows with a busy window. The watermark ignores event times far ahead of the record's own
 * time (a wrongly dated article must not close every window at once), and is kept in a store so that a restart
 * does not reopen closed windows.
 */
public final class TagWindowCounter implements Processor<String, CountEvent, String, TagCount> {
    public static final String STORE = "tag-windows";
    public static final String MEMBER_STORE = "tag-window-members";
    public static final String WATERMARK_STORE = "tag-windows-watermark";
    private static final String WATERMARK = "watermark";
    private static final String SEPARATOR = "\u0000";
    private static final byte[] PRESENT = new byte[0];
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    /** How far an event time may run ahead of the record time and still move the watermark. */
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    private final Duration grace;
    private final Duration retention;
    private final TreeMap<Long, Set<String>> closing = new TreeMap<>();
    private ProcessorContext<String, TagCount> context;
    private KeyValueStore<String, WindowCount> store;
    private KeyValueStore<String, byte[]> members;
    private KeyValueStore<String, Long> watermarkStore;
    private long watermark = Long.MIN_VALUE;

    public TagWindowCounter(Duration grace, Duration retention) {
        this.grace = grace;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, TagCount> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.members = context.getStateStore(MEMBER_STORE);
        this.watermarkStore = context.getStateStore(WATERMARK_STORE);
        Long saved = watermarkStore.get(WATERMARK);
        watermark = saved == null ? Long.MIN_VALUE : saved;
        try (KeyValueIterator<String, WindowCount> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, WindowCount> entry = all.next();
                if (entry.value.isOpen()) {
                    schedule(entry.key, entry.value);
                }
            }
        }
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purge);
    }

    @Override
    public void process(Record<String, CountEvent> record) {
        CountEvent event = record.value();
        Instant now = Instant.ofEpochMilli(record.timestamp());
        WindowCount count = store.get(record.key());
        boolean startedClosed = false;
        if (count == null) {
            startedClosed = closesAt(event) <= watermark;
            count = WindowCount.empty(event, startedClosed ? now : null);
            if (!startedClosed) {
                schedule(record.key(), count);
            }
        }
        String article = member(record.key(), "a:", event.articleId());
        if (members.get(article) == null) {
            members.put(article, PRESENT);
            String story = member(record.key(), "s:", event.storyId() == null ? event.articleId() : event.storyId());
            boolean newStory = members.get(story) == null;
            if (newStory) {
                members.put(story, PRESENT);
            }
            count = count.plus(newStory, event.articleSource());
            store.put(record.key(), count);
            String status = count.isOpen() ? TagCount.LIVE : startedClosed ? TagCount.FINAL : TagCount.REVISION;
            context.forward(new Record<>(record.key(), count.toTagCount(status, now), record.timestamp()));
        }
        advance(Math.min(event.eventTime().toEpochMilli(), record.timestamp() + FUTURE_TOLERANCE.toMillis()),
                record.timestamp());
    }

    private void advance(long eventTime, long recordTime) {
        if (eventTime <= watermark) {
            return;
        }
        watermark = eventTime;
        watermarkStore.put(WATERMARK, watermark);
        Instant now = Instant.ofEpochMilli(recordTime);
        while (!closing.isEmpty() && closing.firstKey() <= watermark) {
            for (String key : closing.pollFirstEntry().getValue()) {
                WindowCount count = store.get(key);
                if (count != null && count.isOpen()) {
                    WindowCount closed = count.closed(now);
                    store.put(key, closed);
                    context.forward(new Record<>(key, closed.toTagCount(TagCount.FINAL, now), recordTime));
                }
            }
        }
    }

    /** Forgets the windows closed longer than the retention period ago, with their members. */
    private void purge(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(retention);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, WindowCount> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, WindowCount> entry = all.next();
                if (!entry.value.isOpen() && entry.value.closedAt().isBefore(cutoff)) {
                    expired.add(entry.key);
                }
            }
        }
        for (String key : expired) {
            List<String> gone = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> of = members.prefixScan(key + SEPARATOR, new StringSerializer())) {
                of.forEachRemaining(member -> gone.add(member.key));
            }
            gone.forEach(members::delete);
            store.delete(key);
        }
    }

    private long closesAt(CountEvent event) {
        return event.windowEnd().plus(grace).toEpochMilli();
    }

    private void schedule(String key, WindowCount count) {
        closing.computeIfAbsent(count.windowEnd().plus(grace).toEpochMilli(), k -> new TreeSet<>()).add(key);
    }

    private static String member(String windowKey, String kind, String id) {
        return windowKey + SEPARATOR + kind + id;
    }
}
