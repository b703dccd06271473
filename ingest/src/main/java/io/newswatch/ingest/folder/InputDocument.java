package io.newswatch.ingest.folder;

import io.newswatch.ingest.clean.Hints;

/**
 * One article-to-be read from a source, before cleaning.
 *
 * @param origin where it came from, for logs and dead letters: a path, or {@code path:line} for JSON lines
 * @param url    its URL when the source gives one (canonical link, JSON field); null for plain files
 * @param html   true when {@link #content()} is an HTML page, false for plain text
 */
public record InputDocument(String origin, String url, boolean html, String content, Hints hints) {
}
