package io.newswatch.ingest.clean;

import java.time.Instant;

/** What cleaning keeps of a document: the article text and the metadata the text itself gave. */
public record CleanArticle(String title, String byline, String dateline, Instant publishedAt, String source,
                           String lang, String body) {
}
