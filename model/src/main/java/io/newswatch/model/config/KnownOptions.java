package io.newswatch.model.config;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses options no worker knows, so that a misspelling ({@code topic.partitons}) fails at start-up with the
 * nearest known name instead of being ignored. Options under {@code kafka.} go to the Kafka clients unchecked, and
 * environment variables are not checked (the {@code NEWSWATCH_} namespace is shared with the launcher's own).
 */
public final class KnownOptions {
    private final Set<String> names;

    public KnownOptions(Collection<String> names) {
        this.names = new TreeSet<>(names);
    }

    public Set<String> names() {
        return names;
    }

    /** Throws a {@link ConfigProblem} naming the first unknown option from a file or the command line. */
    public void check(ConfigSource.Loaded loaded) {
        for (Map.Entry<String, String> origin : loaded.origins().entrySet()) {
            String key = origin.getKey();
            if (names.contains(key) || key.startsWith(NewswatchConfig.KAFKA_PREFIX) || origin.getValue().startsWith("env ")) {
                continue;
            }
            String nearest = nearest(key);
            throw new ConfigProblem("unknown option '" + key + "' (from " + origin.getValue() + ")"
                    + (nearest == null ? "" : ": did you mean '" + nearest + "'?")
                    + " Options for the Kafka clients start with 'kafka.'.");
        }
    }

    /** The known name closest in edit distance, when close enough to be a typo. */
    String nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int d = distance(key, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? best : null;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
