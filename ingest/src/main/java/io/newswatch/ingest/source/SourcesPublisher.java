package io.newswatch.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes sources to the sources topic, keyed by id, as JSON (the fields of a sources-file entry). */
public final class SourcesPublisher {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private SourcesPublisher() {
    }

    public static byte[] json(Source source) {
        try {
            return JSON.writeValueAsBytes(source);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publish(Map<String, Object> clientProperties, String topic, List<Source> sources) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clientProperties, new StringSerializer(),
                new ByteArraySerializer())) {
            for (Source source : sources) {
                producer.send(new ProducerRecord<>(topic, source.id(), json(source)));
            }
        }
    }
}
