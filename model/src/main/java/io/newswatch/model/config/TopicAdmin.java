package io.newswatch.model.config;

import io.newswatch.model.topic.Topic;
import io.newswatch.model.topic.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics a worker needs when they are missing, with the configured partitions and replication. */
public final class TopicAdmin {
    private TopicAdmin() {
    }

    public static void ensureTopics(NewswatchConfig config, Collection<Topic<?, ?>> topics) {
        Map<String, Boolean> compactedByName = new java.util.LinkedHashMap<>();
        topics.forEach(topic -> compactedByName.put(config.topic(topic).name(), Topics.COMPACTED.contains(topic)));
        ensureNamed(config, compactedByName);
    }

    /** Topics by name (for topics named at runtime, such as desk topics), each marked compacted or not. */
    public static void ensureNamed(NewswatchConfig config, Map<String, Boolean> compactedByName) {
        if (!config.createTopics() || compactedByName.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(config.clientProperties())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = compactedByName.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), config.partitions(), config.replicationFactor())
                            .configs(topic.getValue()
                                    ? Map.of("compression.type", "producer", "cleanup.policy", "compact")
                                    : Map.of("compression.type", "producer")))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                // Another worker may have created it between our list and create: that is fine.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + config.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }
}
