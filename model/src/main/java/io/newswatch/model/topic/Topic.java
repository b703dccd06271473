package io.newswatch.model.topic;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its keys and values, so code reads {@code Topics.RAW.name()} and
 * {@code Topics.RAW.valueSerde()} and cannot pair a topic with the wrong type.
 *
 * @param fixedPartitions the partition count the topic must have (1 for the control topics), or 0 when it is the
 *                        deployment's choice ({@code topic.partitions})
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, String configKey, int fixedPartitions) {

    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde, String configKey) {
        this(name, keySerde, valueSerde, configKey, 0);
    }

    /** The same topic under another name (from configuration). */
    public Topic<K, V> named(String otherName) {
        return new Topic<>(otherName, keySerde, valueSerde, configKey, fixedPartitions);
    }
}
