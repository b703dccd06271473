package io.newswatch.model.config;

import io.newswatch.model.topic.Topic;
import io.newswatch.model.topic.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics a worker needs when they are missing, with the configured partitions and replication (or
 * the partition count a topic must have), and refuses to start on a control topic with more than one partition,
 * where deletes sent by other clients would land beside, not on, the records they delete.
 */
public final class TopicAdmin {
    private TopicAdmin() {
    }

    /** A topic to create when missing. */
    public record Spec(String name, int partitions, boolean compacted, boolean mustHaveExactly) {
    }

    public static void ensureTopics(NewswatchConfig config, Collection<Topic<?, ?>> topics) {
        ensure(config, topics.stream().map(topic -> new Spec(config.topic(topic).name(),
                topic.fixedPartitions() > 0 ? topic.fixedPartitions() : config.partitions(),
                Topics.COMPACTED.contains(topic), topic.fixedPartitions() > 0)).toList());
    }

    /** Topics by name (for topics named at runtime, such as desk topics), each marked compacted or not. */
    public static void ensureNamed(NewswatchConfig config, Map<String, Boolean> compactedByName) {
        ensure(config, compactedByName.entrySet().stream()
                .map(e -> new Spec(e.getKey(), config.partitions(), e.getValue(), false)).toList());
    }

    public static void ensure(NewswatchConfig config, List<Spec> specs) {
        if (specs.isEmpty()) {
            return;
        }
        try (Admin admin = admin(config)) {
            requireReachable(admin, config);
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), config.replicationFactor())
                            .configs(spec.compacted()
                                    ? Map.of("compression.type", "producer", "cleanup.policy", "compact")
                                    : Map.of("compression.type", "producer")))
                    .toList();
            if (!missing.isEmpty() && config.createTopics()) {
                try {
                    admin.createTopics(missing).all().get();
                } catch (ExecutionException e) {
                    // Another worker may have created it between our list and create: that is fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            checkPartitions(admin, specs.stream().filter(s -> s.mustHaveExactly() && existing.contains(s.name()))
                    .toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + config.bootstrapServers() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** An admin client whose calls give up after {@code startup.timeout}, not the client's default minute. */
    static Admin admin(NewswatchConfig config) {
        Map<String, Object> props = new java.util.HashMap<>(config.clientProperties());
        int millis = (int) Math.min(Integer.MAX_VALUE, config.startupTimeout().toMillis());
        props.putIfAbsent("default.api.timeout.ms", millis);
        props.putIfAbsent("request.timeout.ms", Math.min(millis, 30_000));
        return Admin.create(props);
    }

    /**
     * Fails with {@link KafkaUnreachableException}, naming the address, when the cluster does not answer within
     * {@code startup.timeout}.
     */
    public static void requireReachable(NewswatchConfig config) {
        try (Admin admin = admin(config)) {
            requireReachable(admin, config);
        }
    }

    static void requireReachable(Admin admin, NewswatchConfig config) {
        java.time.Duration timeout = config.startupTimeout();
        try {
            admin.describeCluster().nodes().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reaching Kafka", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new KafkaUnreachableException("cannot reach Kafka at " + config.bootstrapServers() + " within "
                    + timeout.toSeconds() + " s (" + cause.getClass().getSimpleName() + "): check bootstrap.servers "
                    + "(NEWSWATCH_BOOTSTRAP_SERVERS), that the brokers are up and that this host can reach them; "
                    + "startup.timeout sets the wait", cause);
        }
    }

    /**
     * The largest record the broker takes on a topic ({@code max.message.bytes}, the broker's default when the topic
     * does not set it), so that a worker can keep what it writes under it instead of learning it from a refusal.
     */
    public static int maxMessageBytes(NewswatchConfig config, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(config.clientProperties())) {
            Config described = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            ConfigEntry entry = described.get("max.message.bytes");
            return entry == null || entry.value() == null ? Integer.MAX_VALUE : Integer.parseInt(entry.value());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the config of " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the config of topic " + topic + " on "
                    + config.bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** How many partitions a topic has. */
    public static int partitions(NewswatchConfig config, String topic) {
        try (Admin admin = Admin.create(config.clientProperties())) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe topic " + topic + " on " + config.bootstrapServers()
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void checkPartitions(Admin admin, List<Spec> specs) throws ExecutionException,
            InterruptedException {
        if (specs.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(specs.stream().map(Spec::name)
                .collect(Collectors.toList())).allTopicNames().get();
        for (Spec spec : specs) {
            int partitions = described.get(spec.name()).partitions().size();
            if (partitions != spec.partitions()) {
                throw new IllegalStateException("topic " + spec.name() + " has " + partitions + " partitions but must "
                        + "have " + spec.partitions() + ": a delete (a null value) sent by a client that partitions "
                        + "keys differently, such as kcat, would land beside the record it deletes. Copy its records to "
                        + "a new topic with one partition and point the topic option at it.");
            }
        }
    }
}
