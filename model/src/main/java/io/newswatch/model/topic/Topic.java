package io.newswatch.model.topic;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its keys and values, so code reads {@code Topics.RAW.name()} and
 * {@code Topics.RAW.valueSerde()} and cannot pair a topic with the wrong type.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, String configKey) {

    /** The same topic under another name (from configuration). */
    public Topic<K, V> named(String otherName) {
        return new Topic<>(otherName, keySerde, valueSerde, configKey);
    }
}
