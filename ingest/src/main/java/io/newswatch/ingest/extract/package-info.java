/**
 * Main-text extraction from HTML with jsoup: the article container, its paragraphs, and the metadata pages
 * declare (title, author, publication date, site, language, canonical URL).
 */
package io.newswatch.ingest.extract;
