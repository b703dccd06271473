package io.newswatch.ingest.feed;

import java.time.Instant;

/**
 * An entry of a feed or sitemap: where the article is, and what the feed says of it. The summary is a fallback for
 * when the page cannot be fetched, never the article itself.
 */
public record FeedItem(String url, String title, String summary, Instant publishedAt) {
}
