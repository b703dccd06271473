package io.newswatch.enrich.topology;

/**
 * Reads one committed raw record again, by partition and offset: how an article is completed when its placement
 * finds no pending article in memory (after a restart or a rebalance moved its partition here).
 */
@FunctionalInterface
public interface RawReader {
    /** The record's key and value, or null when the topic no longer holds it. */
    Record read(int partition, long offset);

    record Record(String key, byte[] value, long timestamp) {
    }
}
