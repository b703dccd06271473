/**
 * Polite HTTP fetching: one politeness budget per host ({@link io.newswatch.ingest.fetch.HostGate}), robots.txt
 * with crawl-delay, Retry-After and back-off, conditional requests, a size cap, redirects followed within limits
 * and checked hop by hop against private addresses, and canonical URLs.
 */
package io.newswatch.ingest.fetch;
