package io.newswatch.enrich.alert;

import io.newswatch.model.Alert;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A monitoring desk with its own alert topic, {@code <alerts topic>.<id>}. A desk receives the alerts addressed to
 * it and those addressed to no desk in particular, when they pass its filters.
 *
 * @param minSeverity the least severe alert it wants (default low)
 * @param tags        when not empty, only alerts carrying at least one of these tags
 * @param rules       when not empty, only alerts of these alert rules ({@code spike} for spike alerts)
 */
public record Desk(String id, String minSeverity, List<String> tags, List<String> rules, String description) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,48}");

    public Desk {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("desk id must be lowercase letters, digits, - or _ (it names a topic), "
                    + "not " + id);
        }
        minSeverity = Severity.parse(minSeverity == null ? "low" : minSeverity).label();
        tags = tags == null ? List.of() : List.copyOf(tags);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public boolean receives(Alert alert) {
        return (alert.desk() == null || alert.desk().equals(id))
                && Severity.parse(alert.severity()).compareTo(Severity.parse(minSeverity)) >= 0
                && (tags.isEmpty() || alert.tags().stream().anyMatch(tags::contains))
                && (rules.isEmpty() || rules.contains(alert.rule()));
    }
}
