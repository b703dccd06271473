package io.newswatch.enrich.alert;

import io.newswatch.enrich.RulesYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The alert rules and desks of a deployment, from YAML ({@code alert-rules.yaml} by default). In {@code most-severe}
 * mode (the default) an article raises the alert of the most severe rule it matches (the first in order among
 * equals), so a desk gets the most serious alert and not a second, vaguer one for the same story; in {@code all}
 * mode every matching rule raises its own. A rule
 * may only name a declared desk, because each desk has a topic created at start-up.
 */
public record AlertRuleBook(String mode, List<Desk> desks, List<AlertRule> alertRules) {
    public static final String MOST_SEVERE = "most-severe";
    public static final String ALL = "all";

    public static final String DEFAULT_RESOURCE = "/io/newswatch/enrich/alert-rules.yaml";

    public AlertRuleBook {
        mode = mode == null ? MOST_SEVERE : mode;
        if (!mode.equals(MOST_SEVERE) && !mode.equals(ALL)) {
            throw new IllegalArgumentException("alert rules mode must be most-severe or all, not " + mode);
        }
        desks = desks == null ? List.of() : List.copyOf(desks);
        alertRules = List.copyOf(alertRules);
        Set<String> ids = new HashSet<>();
        for (AlertRule rule : alertRules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("alert rule " + rule.id() + " is defined twice");
            }
            checkDesk(rule, desks);
        }
    }

    public List<AlertRule> matching(Set<String> tags) {
        List<AlertRule> matching = alertRules.stream().filter(r -> r.matches(tags)).toList();
        if (mode.equals(ALL) || matching.isEmpty()) {
            return matching;
        }
        // Stable sort: among rules of equal severity, the first in order wins.
        return List.of(matching.stream().sorted(java.util.Comparator.comparing(
                (AlertRule r) -> Severity.parse(r.severity())).reversed()).findFirst().orElseThrow());
    }

    /** This book with {@code rule} added, or replacing the rule with its id in place. */
    public AlertRuleBook with(AlertRule rule) {
        List<AlertRule> next = new ArrayList<>(alertRules);
        int at = indexOf(rule.id());
        if (at < 0) {
            next.add(rule);
        } else {
            next.set(at, rule);
        }
        return new AlertRuleBook(mode, desks, next);
    }

    /** This book without the rule {@code id}. */
    public AlertRuleBook without(String id) {
        return new AlertRuleBook(mode, desks, alertRules.stream().filter(r -> !r.id().equals(id)).toList());
    }

    public boolean contains(String id) {
        return indexOf(id) >= 0;
    }

    private int indexOf(String id) {
        for (int i = 0; i < alertRules.size(); i++) {
            if (alertRules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static void checkDesk(AlertRule rule, List<Desk> desks) {
        if (rule.desk() != null && desks.stream().noneMatch(d -> d.id().equals(rule.desk()))) {
            throw new IllegalArgumentException("alert rule " + rule.id() + " names desk " + rule.desk()
                    + ", which is not declared; declared desks: " + desks.stream().map(Desk::id).toList());
        }
    }

    public static AlertRuleBook defaults() {
        try (InputStream in = AlertRuleBook.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return RulesYaml.MAPPER.readValue(in, AlertRuleBook.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AlertRuleBook load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return RulesYaml.MAPPER.readValue(in, AlertRuleBook.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid alert rules file " + file + ": " + e.getMessage(), e);
        }
    }
}
