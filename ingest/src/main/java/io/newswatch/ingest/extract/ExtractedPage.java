package io.newswatch.ingest.extract;

import java.time.Instant;

/**
 * An article as extracted from one page: body paragraphs separated by blank lines, and its metadata (any field
 * but the body may be null).
 */
public record ExtractedPage(String url, String title, String byline, Instant publishedAt, String lang, String site,
                            String body) {
}
