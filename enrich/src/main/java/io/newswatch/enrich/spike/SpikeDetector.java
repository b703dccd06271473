package io.newswatch.enrich.spike;

import io.newswatch.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Raises a spike alert when a tag's articles in one hour of event time reach {@code ratio} times its baseline for
 * that hour of the week (and at least {@code minCount}), once the tag has been watched for the warm-up period. The
 * alert is keyed {@code spike:<tag>:<hour>} and updated as more articles of that hour arrive. Its input is keyed by
 * tag ({@link SpikeInput}, copies left out), so one task sees all of a tag's articles.
 *
 * <p>State is one small record per tag and hour (key: tag, a separator, the hour's start in epoch milliseconds,
 * zero-padded so keys sort by time), and one per tag saying when it was first and last seen ({@link TagSeen}); hours
 * older than the baseline needs are deleted as the tag's latest hour moves on. So each article rewrites a few kilobytes, however long the history.
 */
public final class SpikeDetector implements Processor<String, SpikeInput, String, Alert> {
    public static final String STORE = "spike-hours";
    public static final String SEEN_STORE = "spike-tags";
    /** The current version of each spike alert. */
    public static final String ALERT_STORE = "spike-alerts";
    public static final String RULE = "spike";
    static final long HOUR = Duration.ofHours(1).toMillis();
    static final long WEEK = Duration.ofDays(7).toMillis();
    private static final String SEPARATOR = "\u0000";

    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, HourCount> hours;
    private KeyValueStore<String, TagSeen> seen;
    private KeyValueStore<String, Alert> alerts;

    private static final java.time.Duration PURGE_EVERY = java.time.Duration.ofMinutes(10);

    private final SpikeOptions options;
    private final java.time.Duration retention;

    /** @param retention how long a spike alert not updated is remembered (record time) */
    public SpikeDetector(SpikeOptions options, java.time.Duration retention) {
        this.options = options;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.hours = context.getStateStore(STORE);
        this.seen = context.getStateStore(SEEN_STORE);
        this.alerts = context.getStateStore(ALERT_STORE);
        context.schedule(PURGE_EVERY, org.apache.kafka.streams.processor.PunctuationType.STREAM_TIME, this::purge);
    }

    private void purge(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(retention);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = alerts.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.updatedAt().isBefore(cutoff)) {
                    expired.add(entry.key);
                }
            });
        }
        expired.forEach(alerts::delete);
    }

    @Override
    public void process(Record<String, SpikeInput> record) {
        SpikeInput input = record.value();
        long hour = Math.floorDiv(input.eventTime().toEpochMilli(), HOUR) * HOUR;
        if (hour < 0) {
            return; // dates before 1970 are wrong dates
        }
        String tag = input.tag();
        HourCount past = hours.get(hourKey(tag, hour));
        HourCount count = (past == null ? HourCount.EMPTY : past).with(input.articleId(), input.source(),
                input.title(), input.url());
        if (count == null) {
            return;
        }
        hours.put(hourKey(tag, hour), count);
        TagSeen before = seen.get(tag);
        TagSeen now = before == null ? new TagSeen(hour, hour) : before.with(hour);
        if (!now.equals(before)) {
            seen.put(tag, now);
        }
        if (before != null && now.latestHour() > before.latestHour()) {
            forgetBefore(tag, now.latestHour() - (options.baselineWeeks() + 1L) * WEEK);
        }
        long firstSeen = now.firstHour();
        if (hour - firstSeen < options.warmUp().toMillis()) {
            return;
        }
        Baseline baseline = baseline(tag, hour, firstSeen);
        double threshold = Math.max(options.minCount(), options.ratio() * Math.max(baseline.mean(), options.floor()));
        if (baseline.weeks() > 0 && count.count() >= threshold) {
            raise(tag, hour, count, baseline, record.timestamp());
        }
    }

    /** The mean count of one hour of the week over the previous weeks that were watched. */
    record Baseline(double mean, int weeks) {
    }

    private Baseline baseline(String tag, long hour, long firstSeen) {
        int weeks = 0;
        long sum = 0;
        for (int k = 1; k <= options.baselineWeeks() && hour - k * WEEK >= firstSeen; k++) {
            weeks++;
            HourCount then = hours.get(hourKey(tag, hour - k * WEEK));
            sum += then == null ? 0 : then.count();
        }
        return new Baseline(weeks == 0 ? 0 : (double) sum / weeks, weeks);
    }

    private void forgetBefore(String tag, long cutoff) {
        if (cutoff <= 0) {
            return;
        }
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, HourCount> range = hours.range(hourKey(tag, 0), hourKey(tag, cutoff - 1))) {
            while (range.hasNext()) {
                KeyValue<String, HourCount> entry = range.next();
                old.add(entry.key);
            }
        }
        old.forEach(hours::delete);
    }

    private static String hourKey(String tag, long hour) {
        return tag + SEPARATOR + String.format(Locale.ROOT, "%019d", hour);
    }

    private void raise(String tag, long hour, HourCount count, Baseline baseline, long timestamp) {
        Instant hourStart = Instant.ofEpochMilli(hour);
        String id = "spike:" + tag + ":" + hourStart;
        Alert previous = alerts.get(id);
        Instant now = Instant.ofEpochMilli(timestamp);
        String reason = String.format(Locale.ROOT,
                "%s: %d articles in the hour from %s, %.1f times the usual %.1f for this hour of the week "
                        + "(mean of %d week%s)", tag, count.count(), hourStart, count.count() / Math.max(baseline.mean(),
                        options.floor()), baseline.mean(), baseline.weeks(), baseline.weeks() == 1 ? "" : "s");
        Alert alert = new Alert(id, Alert.SPIKE, RULE, options.severity(), null, reason, List.of(tag), null,
                count.articleIds(), count.count(), count.sources(), count.latestTitle(), count.latestUrl(), null,
                List.of(), previous == null ? now : previous.createdAt(), now,
                previous == null ? 1 : previous.version() + 1, Alert.SCHEMA_VERSION);
        alerts.put(id, alert);
        context.forward(new Record<>(id, alert, timestamp));
    }
}
