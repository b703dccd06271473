/**
 * The pipeline benchmark: a broker, enrich (the real {@code newswatch} jar) and an exactly-once pass-through Kafka
 * Streams app over the same preloaded articles, side by side, then both at a fixed rate for latency. Each runs in a
 * process of its own, as in production.
 */
package io.newswatch.bench.pipeline;
