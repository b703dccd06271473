package io.newswatch.enrich.alert;

import io.newswatch.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Raises or updates the alerts of each tagged article placed in a story, keyed by alert id ({@code <rule>:<story_id>}).
 * Its input is keyed by story id, so the alerts of a story are always made by the same task, on any number of
 * partitions. The current
 * version of each alert is kept in a changelogged store, so an article seen again (replay, failover) changes and
 * emits nothing. Alerts not updated for the retention period (counted in record time) are forgotten, which bounds
 * the store; by then their story is closed too.
 */
public final class AlertProcessor implements Processor<String, StoryArticle, String, Alert> {
    public static final String STORE = "alerts";
    /** Which articles each alert has counted: one small entry each ({@code alert id, separator, article id}). */
    public static final String MEMBER_STORE = "alert-articles";
    private static final String SEPARATOR = "\u0000";
    private static final byte[] PRESENT = new byte[0];
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final Supplier<AlertRuleBook> rules;
    private final Duration retention;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, Alert> store;
    private KeyValueStore<String, byte[]> members;

    public AlertProcessor(Supplier<AlertRuleBook> rules, Duration retention) {
        this.rules = rules;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.members = context.getStateStore(MEMBER_STORE);
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purge);
    }

    @Override
    public void process(Record<String, StoryArticle> record) {
        StoryArticle article = record.value();
        Set<String> tags = Set.copyOf(article.tagNames());
        Instant now = Instant.ofEpochMilli(record.timestamp());
        for (AlertRule rule : rules.get().matching(tags)) {
            String alertId = Alert.idFor(rule.id(), article.storyId());
            String member = alertId + SEPARATOR + article.articleId();
            if (members.get(member) != null) {
                continue; // already part of this alert: a replay or a revision changes nothing
            }
            Alert next = AlertBuilder.apply(store.get(alertId), rule, article, now);
            if (next != null) {
                members.put(member, PRESENT);
                store.put(alertId, next);
                context.forward(new Record<>(alertId, next, record.timestamp()));
            }
        }
    }

    private void purge(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(retention);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Alert> entry = all.next();
                if (entry.value.updatedAt().isBefore(cutoff)) {
                    expired.add(entry.key);
                }
            }
        }
        for (String alertId : expired) {
            List<String> gone = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> of = members.prefixScan(alertId + SEPARATOR,
                    new org.apache.kafka.common.serialization.StringSerializer())) {
                of.forEachRemaining(m -> gone.add(m.key));
            }
            gone.forEach(members::delete);
            store.delete(alertId);
        }
    }
}
