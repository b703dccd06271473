/**
 * Matching stored Lucene queries against one text at a time. {@link io.newswatch.enrich.tagging.match.PrefilteredMatcher}
 * is what Newswatch runs: each query is reduced to a necessary condition over the terms of a text (which terms or
 * prefixes must occur), an index of one well-chosen anchor term per query finds the few queries a text could
 * match, the conditions drop most of those, and Lucene itself runs only the rest, on a {@code MemoryIndex} of the
 * text, with the Matches API for the spans. The result is Lucene's own, so it equals what Lucene Monitor returns
 * ({@link io.newswatch.enrich.tagging.match.MonitorMatcher}, kept as the reference for tests and benchmarks).
 */
package io.newswatch.enrich.tagging.match;
