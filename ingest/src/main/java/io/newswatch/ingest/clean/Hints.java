package io.newswatch.ingest.clean;

import java.time.Instant;

/**
 * Metadata known before reading the text (from HTML meta tags or JSON fields). Known values win over what is
 * guessed from the text; every field may be null.
 */
public record Hints(String title, String byline, Instant publishedAt, String source, String lang) {
    public static final Hints NONE = new Hints(null, null, null, null, null);

    public Hints withSource(String fallbackSource) {
        return source != null ? this : new Hints(title, byline, publishedAt, fallbackSource, lang);
    }
}
