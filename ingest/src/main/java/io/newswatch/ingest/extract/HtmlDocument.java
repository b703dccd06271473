package io.newswatch.ingest.extract;

import io.newswatch.ingest.clean.Hints;

/**
 * What the HTML extractor found: the article's paragraphs as text (blank line between paragraphs) and the page's
 * declared metadata as hints for cleaning.
 */
public record HtmlDocument(String text, Hints hints, String canonicalUrl, String site) {
}
