package io.newswatch.ingest.source;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One source of news, as configured in the sources file or as a record (keyed by id) on {@code newswatch.sources}.
 *
 * @param kind         {@code feed} (RSS or Atom), {@code sitemap}, or {@code page} (one article URL)
 * @param pollInterval how often it is looked at (default 15 minutes; never more often than once a minute)
 * @param lang         language hint for its articles, or null
 * @param tags         free labels such as {@code region:central-asia}
 */
public record Source(String id, String kind, String url, Duration pollInterval, String lang, List<String> tags) {
    public static final List<String> KINDS = List.of("feed", "sitemap", "page");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    public Source {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a source id is letters, digits, '.', '_', ':' or '-', not " + id);
        }
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException("source " + id + ": kind must be one of " + KINDS + ", not " + kind);
        }
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("source " + id + ": url must be http(s), not " + url);
        }
        pollInterval = pollInterval == null ? Duration.ofMinutes(15) : pollInterval;
        if (pollInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("source " + id + ": poll interval " + pollInterval
                    + " is under a minute");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
