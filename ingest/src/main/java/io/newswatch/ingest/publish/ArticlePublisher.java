package io.newswatch.ingest.publish;

import io.newswatch.model.RawArticle;
import io.newswatch.model.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces raw articles with the idempotent producer ({@code acks=all}), skipping any article whose exact version
 * the topic already holds. Send failures are not lost: the first one is rethrown by {@link #flush()}.
 */
public final class ArticlePublisher implements AutoCloseable {
    private final KafkaProducer<String, RawArticle> producer;
    private final Topic<String, RawArticle> topic;
    private final PublishedIndex index;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public ArticlePublisher(Map<String, Object> clientProperties, Topic<String, RawArticle> topic,
                            PublishedIndex index) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newswatch-ingest");
        this.producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.topic = topic;
        this.index = index;
    }

    /** Sends the article unless this version was produced before; returns whether it was sent. */
    public boolean publish(RawArticle article) {
        if (index.contains(article.id(), article.contentHash())) {
            return false;
        }
        ProducerRecord<String, RawArticle> record = new ProducerRecord<>(topic.name(), article.id(), article);
        record.headers().add(PublishedIndex.CONTENT_HASH_HEADER, article.contentHash().getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
        index.add(article.id(), article.contentHash());
        return true;
    }

    /** Waits until everything sent is acknowledged; throws if any send failed. */
    public void flush() {
        producer.flush();
        Exception error = failure.getAndSet(null);
        if (error != null) {
            throw new IllegalStateException("producing to " + topic.name() + " failed: " + error.getMessage(), error);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The producer's own meters (send rates, errors, batch sizes, request latency) on the worker's registry. */
    public void bindMetrics(io.newswatch.model.ops.OpsServer ops) {
        ops.bindKafkaClient(producer);
    }
}
