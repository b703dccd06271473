package io.newswatch.enrich.alert;

import io.newswatch.enrich.RulesYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The alert rules of a deployment, from YAML ({@code alert-rules.yaml} by default). In {@code first-match} mode
 * (the default) an article raises the alert of the first rule it matches, so a desk gets the most specific alert
 * and not a second, vaguer one for the same story; in {@code all} mode every matching rule raises its own.
 */
public record AlertRuleBook(String mode, List<AlertRule> alertRules) {
    public static final String FIRST_MATCH = "first-match";
    public static final String ALL = "all";

    public static final String DEFAULT_RESOURCE = "/io/newswatch/enrich/alert-rules.yaml";

    public AlertRuleBook {
        mode = mode == null ? FIRST_MATCH : mode;
        if (!mode.equals(FIRST_MATCH) && !mode.equals(ALL)) {
            throw new IllegalArgumentException("alert rules mode must be first-match or all, not " + mode);
        }
        alertRules = List.copyOf(alertRules);
    }

    public List<AlertRule> matching(Set<String> tags) {
        return alertRules.stream().filter(r -> r.matches(tags)).limit(mode.equals(FIRST_MATCH) ? 1 : Long.MAX_VALUE)
                .toList();
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
