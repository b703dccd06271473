package io.newswatch.ingest.assemble;

import io.newswatch.ingest.clean.Hints;

/**
 * What arrived, before anything is made of it: either raw bytes (a file, a fetched page) or text already decoded
 * (a JSON line's field, a feed's summary).
 *
 * @param origin        where it came from, for logs and dead letters: a path, {@code path:line}, or a URL
 * @param url           the address it was fetched from or declares, or null
 * @param contentType   the HTTP {@code Content-Type}, or a type the caller knows ({@code text/html} for an .html
 *                      file, {@code text/plain} for a .txt file); null to sniff it
 * @param hints         metadata known before reading (JSON fields, a source's language); values here win over
 *                      the page's own
 * @param fallback      metadata used only where the page gives none (a feed item's title and date)
 * @param defaultSource the source name when neither hints nor page name one (folder name, source id)
 */
public record ArticleInput(String origin, String url, String contentType, byte[] bytes, String text, Hints hints,
                           Hints fallback, String defaultSource) {
    public static final String HTML = "text/html";
    public static final String PLAIN = "text/plain";

    public ArticleInput {
        hints = hints == null ? Hints.NONE : hints;
        fallback = fallback == null ? Hints.NONE : fallback;
        if ((bytes == null) == (text == null)) {
            throw new IllegalArgumentException("an input is bytes or text, exactly one of them");
        }
    }

    public static ArticleInput ofBytes(String origin, String url, String contentType, byte[] bytes, Hints hints,
                                       String defaultSource) {
        return new ArticleInput(origin, url, contentType, bytes, null, hints, Hints.NONE, defaultSource);
    }

    public static ArticleInput ofText(String origin, String url, String contentType, String text, Hints hints,
                                      String defaultSource) {
        return new ArticleInput(origin, url, contentType, null, text, hints, Hints.NONE, defaultSource);
    }

    /** This input, with metadata to use where the page gives none. */
    public ArticleInput withFallback(Hints fallbackHints) {
        return new ArticleInput(origin, url, contentType, bytes, text, hints, fallbackHints, defaultSource);
    }
}
