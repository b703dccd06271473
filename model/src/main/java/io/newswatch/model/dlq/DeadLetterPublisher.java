package io.newswatch.model.dlq;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends dead letters for the plain-client workers (ingest, sink) and logs each reason once, at WARN. */
public final class DeadLetterPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final Producer<byte[], byte[]> producer;
    private final String topic;

    public DeadLetterPublisher(Map<String, Object> clientProperties, String topic) {
        Map<String, Object> props = new java.util.HashMap<>(clientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newswatch-dlq");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Sends and waits, so a dead letter is on the broker before the worker moves past its input. */
    public void publish(DeadLetter letter) {
        LOG.warn("dead letter from {}: {} ({}) [{}]", letter.stage(), letter.reason(), letter.errorClass(),
                letter.origin());
        // A dead letter must always fit: the value and key are cut (see DeadLetter), and the producer may take
        // anything up to the broker's default limit.
        try {
            producer.send(letter.toRecord(topic)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new org.apache.kafka.common.KafkaException("cannot write a dead letter to " + topic + ": "
                    + DeadLetter.describe(e.getCause()), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
