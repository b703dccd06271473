/**
 * Sources an operator points ingest at (feeds, sitemaps, pages), from a file and from the compacted
 * {@code newswatch.sources} topic; which worker owns which source (a consumer group over that topic); polling each
 * owned source on its interval with its health tracked.
 */
package io.newswatch.ingest.source;
