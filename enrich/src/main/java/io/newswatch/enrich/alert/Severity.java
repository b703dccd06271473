package io.newswatch.enrich.alert;

import java.util.Arrays;
import java.util.Locale;

/** How urgent an alert is, in order; desks filter on a minimum. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("severity must be one of " + Arrays.toString(values()).toLowerCase(
                    Locale.ROOT) + ", not " + text);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
