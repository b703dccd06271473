/**
 * Benchmarks. {@link io.newswatch.bench.TaggingBenchmark} measures tagging throughput of Newswatch's matcher against
 * Lucene Monitor used directly and against plain {@code java.util.regex}, on generated English news text and
 * generated analyst-style rules ({@link io.newswatch.bench.AnalystRules}, {@link io.newswatch.bench.NewsText}).
 */
package io.newswatch.bench;
