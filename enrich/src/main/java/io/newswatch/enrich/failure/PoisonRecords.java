package io.newswatch.enrich.failure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Input records whose results could not be written, by {@code topic/partition/offset}, with the reason. Shared
 * by one enrich instance's exception handler (which learns them) and the {@code StageEntry} of each stage (which
 * dead-letters them when the aborted transaction is replayed). Bounded: it only ever holds records that failed, and forgets the
 * oldest past {@link #CAPACITY}.
 */
public final class PoisonRecords {
    /** The config key under which an instance's registry reaches the exception handlers Kafka Streams creates. */
    public static final String CONFIG = "newswatch.poison.records";
    static final int CAPACITY = 10_000;

    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    public void add(String topic, int partition, long offset, String reason) {
        if (reasons.size() >= CAPACITY) {
            reasons.clear();
        }
        reasons.put(key(topic, partition, offset), reason);
    }

    /** The reason the record failed before, or null when it did not. */
    public String reason(String topic, int partition, long offset) {
        return reasons.isEmpty() ? null : reasons.get(key(topic, partition, offset));
    }

    public int size() {
        return reasons.size();
    }

    private static String key(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }
}
