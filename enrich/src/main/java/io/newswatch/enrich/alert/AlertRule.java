package io.newswatch.enrich.alert;

import java.util.List;
import java.util.Set;

/**
 * Which articles make an alert: every tag of {@code allOf}, and at least one of {@code anyOf} when it is given.
 *
 * @param desk the desk that receives it (one declared in the alert rules file); null for every desk whose filters
 *             let it through
 */
public record AlertRule(String id, List<String> allOf, List<String> anyOf, String severity, String desk,
                        String description) {

    public AlertRule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an alert rule has no id");
        }
        allOf = allOf == null ? List.of() : List.copyOf(allOf);
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
        if (allOf.isEmpty() && anyOf.isEmpty()) {
            throw new IllegalArgumentException("alert rule " + id + " needs all_of or any_of tags");
        }
        severity = Severity.parse(severity == null ? "medium" : severity).label();
    }

    public boolean matches(Set<String> tags) {
        return tags.containsAll(allOf) && (anyOf.isEmpty() || anyOf.stream().anyMatch(tags::contains));
    }
}
