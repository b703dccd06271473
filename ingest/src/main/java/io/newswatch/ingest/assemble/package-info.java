/**
 * The one door every article passes on its way to the raw topic, whether it came from a folder, a feed, a fetched
 * page or the {@code extract} command: bytes and what is known of them in, an article or a rejection out.
 */
package io.newswatch.ingest.assemble;
