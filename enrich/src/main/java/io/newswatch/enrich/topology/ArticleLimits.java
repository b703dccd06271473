package io.newswatch.enrich.topology;

import io.newswatch.model.RawArticle;
import io.newswatch.model.text.SafeText;

/**
 * How large one article may be once enrich has read it, so that no record enrich writes (the enriched article, its
 * repartition copies, the changelogs) can exceed what a broker accepts. Under exactly-once a record the producer
 * refuses aborts the whole transaction, which would then be retried for ever; so results are kept small by design
 * and checked before they are written.
 *
 * <p>The raw topic can be written by any producer, so every field is cleaned here too ({@link SafeText}) and cut to
 * a length no real article needs; the body is cut at {@code maxBodyChars} and the enriched article says so
 * ({@code body_truncated}). Tags, evidence, entities and amounts per article are capped as well.
 *
 * @param maxBodyChars   longest body analysed and published; longer bodies are cut and flagged
 * @param maxRecordBytes largest serialised enriched article; a larger one is dead-lettered, never sent
 */
public record ArticleLimits(int maxBodyChars, int maxRecordBytes) {
    public static final int MAX_ID_CHARS = 200;
    public static final int MAX_TITLE_CHARS = 1000;
    public static final int MAX_BYLINE_CHARS = 500;
    public static final int MAX_DATELINE_CHARS = 300;
    public static final int MAX_SOURCE_CHARS = 200;
    public static final int MAX_URL_CHARS = 4096;
    public static final int MAX_LANG_CHARS = 35;
    public static final int MAX_TAGS = 100;
    public static final int MAX_EVIDENCE = 100;
    public static final int MAX_ENTITIES = 200;
    public static final int MAX_AMOUNTS = 100;
    /** Room left for the story id, duplicate-of and the record's framing when the size is checked. */
    static final int HEADROOM_BYTES = 1024;

    public static final int DEFAULT_MAX_BODY_CHARS = 200_000;
    /** Under the default 1 MiB {@code max.request.size} and broker {@code message.max.bytes}. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000;

    public static ArticleLimits defaults() {
        return new ArticleLimits(DEFAULT_MAX_BODY_CHARS, DEFAULT_MAX_RECORD_BYTES);
    }

    /** An article clamped to these limits, and whether its body had to be cut. */
    public record Clamped(RawArticle article, boolean bodyTruncated) {
    }

    /**
     * The article with every field cleaned and cut to its limit.
     *
     * @throws IllegalArgumentException when it cannot be an article at all (no id, an absurd id, an empty body)
     */
    public Clamped clamp(RawArticle a) {
        String id = a.id();
        if (id.isBlank() || id.length() > MAX_ID_CHARS || !SafeText.isClean(id) || id.contains("\n")) {
            throw new IllegalArgumentException("article id must be 1 to " + MAX_ID_CHARS
                    + " printable characters, got " + id.length() + " characters");
        }
        String body = SafeText.multiLine(a.body());
        boolean truncated = body.length() > maxBodyChars;
        if (truncated) {
            body = SafeText.cut(body, maxBodyChars);
        }
        if (body.isBlank()) {
            throw new IllegalArgumentException("article " + id + " has an empty body");
        }
        RawArticle clean = new RawArticle(id, line(a.url(), MAX_URL_CHARS), line(a.source(), MAX_SOURCE_CHARS),
                line(a.title(), MAX_TITLE_CHARS), line(a.byline(), MAX_BYLINE_CHARS),
                line(a.dateline(), MAX_DATELINE_CHARS), a.publishedAt(), a.fetchedAt(), line(a.lang(), MAX_LANG_CHARS),
                body, line(a.contentHash(), MAX_ID_CHARS), a.schemaVersion());
        return new Clamped(clean, truncated);
    }

    private static String line(String value, int max) {
        return value == null ? null : SafeText.cut(SafeText.oneLine(value), max);
    }
}
