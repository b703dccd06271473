package io.newswatch.enrich.alert;

import io.newswatch.model.Alert;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.TagMatch;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Raises or updates the alerts of each tagged article, keyed by story id. The current version of each alert is
 * kept in a changelogged store, so an article seen again (replay, failover) changes and emits nothing.
 */
public final class AlertProcessor implements Processor<String, EnrichedArticle, String, Alert> {
    public static final String STORE = "alerts";

    private final Supplier<AlertRuleBook> rules;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, Alert> store;

    public AlertProcessor(Supplier<AlertRuleBook> rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        Set<String> tags = article.tags().stream().map(TagMatch::tag).collect(Collectors.toSet());
        Instant now = Instant.ofEpochMilli(record.timestamp());
        for (AlertRule rule : rules.get().matching(tags)) {
            String alertId = Alert.idFor(rule.id(), article.storyId());
            Alert next = AlertBuilder.apply(store.get(alertId), rule, article, now);
            if (next != null) {
                store.put(alertId, next);
                context.forward(new Record<>(article.storyId(), next, record.timestamp()));
            }
        }
    }
}
