package io.newswatch.enrich.alert;

/**
 * The alert rules in force, changed at runtime from the rules topic. Changes replace the whole (immutable) book, so
 * a stream thread always sees a consistent set.
 */
public final class LiveAlertRules {
    private volatile AlertRuleBook book;

    public LiveAlertRules(AlertRuleBook initial) {
        this.book = initial;
    }

    public AlertRuleBook book() {
        return book;
    }

    /** Adds or replaces a rule; throws, leaving the rules as they were, when it names an unknown desk. */
    public synchronized void put(AlertRule rule) {
        book = book.with(rule);
    }

    /** True when the rule existed. */
    public synchronized boolean remove(String id) {
        boolean existed = book.contains(id);
        book = book.without(id);
        return existed;
    }
}
