package io.newswatch.enrich.spike;

import io.newswatch.model.Alert;
import io.newswatch.model.EnrichedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Raises a spike alert when a tag's articles in one hour of event time reach {@code ratio} times its baseline for
 * that hour of the week (and at least {@code minCount}), once the tag has been watched for the warm-up period. The
 * alert is keyed {@code spike:<tag>:<hour>} and updated as more articles of that hour arrive. Copies of an earlier
 * article ({@code duplicate_of} set) are not counted: a wire story republished twenty times is one story's alert,
 * not a spike.
 */
public final class SpikeDetector implements Processor<String, EnrichedArticle, String, Alert> {
    public static final String STORE = "spike-history";
    public static final String RULE = "spike";

    private final SpikeOptions options;
    private final String alertStoreName;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, TagHistory> history;
    private KeyValueStore<String, Alert> alerts;

    /** @param alertStoreName the store of current alert versions, shared with the story alerts */
    public SpikeDetector(SpikeOptions options, String alertStoreName) {
        this.options = options;
        this.alertStoreName = alertStoreName;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.history = context.getStateStore(STORE);
        this.alerts = context.getStateStore(alertStoreName);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (article.duplicateOf() != null) {
            return;
        }
        Instant eventTime = article.eventTime();
        long hour = Math.floorDiv(eventTime.toEpochMilli(), TagHistory.HOUR) * TagHistory.HOUR;
        for (String tag : article.tagNames().stream().distinct().toList()) {
            TagHistory past = history.get(tag);
            TagHistory tagHistory = past == null ? TagHistory.start(eventTime) : past;
            HourCount count = tagHistory.hour(hour).with(article.id(), article.source(), article.title(),
                    article.url());
            if (count == null) {
                continue;
            }
            tagHistory = tagHistory.with(hour, count, options.baselineWeeks());
            history.put(tag, tagHistory);
            if (Duration.between(tagHistory.firstSeen(), Instant.ofEpochMilli(hour)).compareTo(options.warmUp()) < 0) {
                continue;
            }
            TagHistory.Baseline baseline = tagHistory.baseline(hour, options.baselineWeeks());
            double threshold = Math.max(options.minCount(), options.ratio() * Math.max(baseline.mean(), options.floor()));
            if (baseline.weeks() > 0 && count.count() >= threshold) {
                raise(tag, hour, count, baseline, record.timestamp());
            }
        }
    }

    private void raise(String tag, long hour, HourCount count, TagHistory.Baseline baseline, long timestamp) {
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
