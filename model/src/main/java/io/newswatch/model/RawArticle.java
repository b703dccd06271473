package io.newswatch.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A cleaned article as ingest produces it to {@code newswatch.articles.raw}. Keyed by {@link #id()}.
 *
 * @param id           stable id: hash of the canonical URL, else of the cleaned text
 * @param url          canonical URL, or a {@code file:} URI for files; may be null
 * @param source       where it came from (agency, site or configured source name)
 * @param title        headline; may be null
 * @param byline       author(s) as written; may be null
 * @param dateline     place/date line as written (e.g. "MOSCOW, April 8"); may be null
 * @param publishedAt  publication time; null when the text does not give a full date (never guessed)
 * @param fetchedAt    when ingest read it
 * @param lang         ISO 639-1 language code when known; may be null
 * @param body         clean article text, paragraphs separated by a blank line
 * @param contentHash  SHA-256 of the cleaned title and body, to tell a changed article from a repeat
 */
public record RawArticle(
        String id,
        String url,
        String source,
        String title,
        String byline,
        String dateline,
        Instant publishedAt,
        Instant fetchedAt,
        String lang,
        String body,
        String contentHash,
        int schemaVersion) {

    public static final int SCHEMA_VERSION = 1;

    public RawArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fetchedAt, "fetched_at");
    }

    /** Event time: when it was published if known, else when it was fetched. */
    public Instant eventTime() {
        return publishedAt != null ? publishedAt : fetchedAt;
    }
}
