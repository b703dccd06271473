package io.newswatch.enrich.topology;

import io.newswatch.enrich.RulesYaml;
import io.newswatch.enrich.alert.AlertRule;
import io.newswatch.enrich.alert.LiveAlertRules;
import io.newswatch.enrich.tagging.Tagger;
import io.newswatch.enrich.tagging.WatchRule;
import io.newswatch.model.text.SafeText;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies rules from the compacted rules topic to the running tagger and alerting. It runs as a global-store
 * processor, so every enrich instance sees every rule. A record keyed by a watch rule's id carries that rule as JSON
 * (the fields of a rules-file entry); a record keyed {@code alert:<id>} carries an alert rule (the fields of an
 * alert-rules-file entry, naming a declared desk if any). A null value deletes the rule. A malformed rule is rejected with an error naming the rule and the reason, the
 * rule in force stays as it was, and processing goes on. Accepted rules are kept in the global store so that a
 * restarted instance applies them again at start-up.
 */
public final class RuleUpdates implements Processor<String, byte[], Void, Void> {
    public static final String STORE = "watch-rules";
    private static final Logger LOG = LoggerFactory.getLogger(RuleUpdates.class);

    public static final String ALERT_PREFIX = "alert:";
    /** Rule ids become part of alert ids and database keys: they stay short and printable. */
    static final int MAX_ID_CHARS = 100;

    private final Supplier<Tagger> tagger;
    private final LiveAlertRules alertRules;
    private KeyValueStore<String, byte[]> store;

    public RuleUpdates(Supplier<Tagger> tagger, LiveAlertRules alertRules) {
        this.tagger = tagger;
        this.alertRules = alertRules;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(STORE);
        try (KeyValueIterator<String, byte[]> rules = store.all()) {
            while (rules.hasNext()) {
                KeyValue<String, byte[]> rule = rules.next();
                apply(rule.key, rule.value);
            }
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (apply(record.key(), record.value())) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }

    /** True when the change was applied. */
    private boolean apply(String id, byte[] value) {
        if (id == null) {
            LOG.error("rejected a rule record without a key: the key must be the rule id");
            return false;
        }
        if (id.length() > MAX_ID_CHARS || !SafeText.isClean(id) || id.contains("\n") || id.contains("\t")) {
            LOG.error("rejected rule {}: a rule id is at most {} printable characters on one line",
                    SafeText.summary(id, 80), MAX_ID_CHARS);
            return false;
        }
        if (id.startsWith(ALERT_PREFIX)) {
            return applyAlertRule(id.substring(ALERT_PREFIX.length()), value);
        }
        if (value == null) {
            boolean existed = tagger.get().remove(id);
            LOG.info("watch rule {} {}", id, existed ? "deleted" : "deleted (it was not active)");
            return true;
        }
        try {
            WatchRule rule = RulesYaml.MAPPER.readValue(value, WatchRule.class);
            if (!id.equals(rule.id())) {
                throw new IllegalArgumentException("record key " + id + " is not the rule's id " + rule.id());
            }
            tagger.get().put(rule);
            LOG.info("watch rule {} for tag {} is active: {}", rule.id(), rule.tag(), rule.query());
            return true;
        } catch (Exception e) {
            LOG.error("rejected watch rule {}: {}", id, e.getMessage().lines().findFirst().orElse(e.toString()));
            return false;
        }
    }

    private boolean applyAlertRule(String id, byte[] value) {
        if (value == null) {
            boolean existed = alertRules.remove(id);
            LOG.info("alert rule {} {}", id, existed ? "deleted" : "deleted (it was not active)");
            return true;
        }
        try {
            AlertRule rule = RulesYaml.MAPPER.readValue(value, AlertRule.class);
            if (!id.equals(rule.id())) {
                throw new IllegalArgumentException("record key alert:" + id + " is not the alert rule's id " + rule.id());
            }
            alertRules.put(rule);
            LOG.info("alert rule {} is active: all of {}, any of {}, severity {}, desk {}", rule.id(), rule.allOf(),
                    rule.anyOf(), rule.severity(), rule.desk() == null ? "(any)" : rule.desk());
            return true;
        } catch (Exception e) {
            LOG.error("rejected alert rule {}: {}", id, e.getMessage().lines().findFirst().orElse(e.toString()));
            return false;
        }
    }
}
