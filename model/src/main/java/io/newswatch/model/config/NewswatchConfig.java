package io.newswatch.model.config;

import io.newswatch.model.topic.Topic;
import io.newswatch.model.topic.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Options every worker shares. Each option is declared once, with type, default, validation and documentation,
 * in a Kafka {@link ConfigDef}; each worker's config class adds its own and is parsed at start-up, so a typo in a
 * value fails fast with the option's name. Options starting with {@code kafka.} are passed, without the prefix,
 * to every Kafka client (security protocol, SASL, TLS...).
 */
public abstract class NewswatchConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String TOPIC_CREATE = "topic.create";
    public static final String KAFKA_PREFIX = "kafka.";
    public static final String OPS_PORT = "ops.port";
    public static final String OPS_HOST = "ops.host";
    public static final String STARTUP_TIMEOUT = "startup.timeout";
    public static final String LOG_FORMAT = "log.format";
    public static final String LOG_LEVELS = "log.levels";

    protected NewswatchConfig(ConfigDef definition, Map<?, ?> values) {
        super(definition, values, false);
    }

    /** The options of this class, to which worker configs add theirs. */
    protected static ConfigDef commonDefinition() {
        ConfigDef def = new ConfigDef()
                .define(BOOTSTRAP_SERVERS, Type.LIST, "127.0.0.1:9092", ConfigDef.LambdaValidator.with((name, value) -> {
                            if (((java.util.List<?>) value).isEmpty()) {
                                throw new org.apache.kafka.common.config.ConfigException(name, value, "must not be empty");
                            }
                        }, () -> "non-empty list"),
                        Importance.HIGH, "Kafka bootstrap servers, comma-separated host:port.")
                .define(TOPIC_PARTITIONS, Type.INT, 3, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                        "Partitions for topics this worker creates. Enrich parallelism is the raw topic's partition count.")
                .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 1, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                        "Replication factor for topics this worker creates (3 on a production cluster).")
                .define(TOPIC_CREATE, Type.BOOLEAN, true, Importance.LOW,
                        "Create missing topics at start-up. Turn off where topics are managed elsewhere.")
                .define(OPS_PORT, Type.INT, -1, ConfigDef.Range.between(-1, 65535), Importance.MEDIUM,
                        "Port of the worker's /metrics (Prometheus) and /health endpoints; -1 for none, 0 for any.")
                .define(OPS_HOST, Type.STRING, "0.0.0.0", Importance.LOW,
                        "Address the ops endpoints listen on.")
                .define(LOG_FORMAT, Type.STRING, "text", ConfigDef.ValidString.in("text", "json"), Importance.LOW,
                        "Log format on stderr: text, or json (one object per line, for log shippers).")
                .define(LOG_LEVELS, Type.LIST, "", Importance.LOW,
                        "Log levels per logger, e.g. io.newswatch.enrich=DEBUG,org.apache.kafka=INFO (default: "
                                + "io.newswatch INFO, everything else WARN).")
                .define(STARTUP_TIMEOUT, Type.STRING, "PT30S", isoDuration(), Importance.MEDIUM,
                        "How long a worker waits at start-up for the Kafka cluster to answer before it exits with "
                                + "the address it tried (exit code 4).");
        for (Topic<?, ?> topic : Topics.ALL) {
            def.define(topic.configKey(), Type.STRING, topic.name(), new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Name of the topic (default " + topic.name() + ").");
        }
        return def;
    }

    /** Validates an ISO-8601 duration such as {@code PT1H} or {@code P3D}. */
    protected static ConfigDef.Validator isoDuration() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            try {
                if (java.time.Duration.parse((String) value).isNegative()) {
                    throw new org.apache.kafka.common.config.ConfigException(name, value, "must not be negative");
                }
            } catch (java.time.format.DateTimeParseException | NullPointerException e) {
                throw new org.apache.kafka.common.config.ConfigException(name, value,
                        "must be an ISO-8601 duration such as PT1H or P3D");
            }
        }, () -> "ISO-8601 duration, e.g. PT1H or P3D");
    }

    protected java.time.Duration getDuration(String name) {
        return java.time.Duration.parse(getString(name));
    }

    /** The worker's metrics and health server, or null when {@code ops.port} is -1. */
    public io.newswatch.model.ops.OpsServer opsServer(String worker,
                                                      java.util.function.Supplier<io.newswatch.model.ops.Health> health) {
        return opsServer(worker, health, health);
    }

    /** The worker's ops server with a readiness check distinct from its liveness, or null when {@code ops.port} is -1. */
    public io.newswatch.model.ops.OpsServer opsServer(String worker,
                                                      java.util.function.Supplier<io.newswatch.model.ops.Health> health,
                                                      java.util.function.Supplier<io.newswatch.model.ops.Health> ready) {
        int port = getInt(OPS_PORT);
        if (port < 0) {
            return null;
        }
        io.newswatch.model.ops.OpsServer ops = new io.newswatch.model.ops.OpsServer(worker, getString(OPS_HOST), port,
                health, ready);
        ops.dedupeTopicTags(Topics.ALL.stream().map(t -> topic(t).name()).toList());
        return ops;
    }

    public java.time.Duration startupTimeout() {
        return getDuration(STARTUP_TIMEOUT);
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    /** The topic with the name this deployment configured. */
    public <K, V> Topic<K, V> topic(Topic<K, V> topic) {
        return topic.named(getString(topic.configKey()));
    }

    public int partitions() {
        return getInt(TOPIC_PARTITIONS);
    }

    public short replicationFactor() {
        return getShort(TOPIC_REPLICATION_FACTOR);
    }

    public boolean createTopics() {
        return getBoolean(TOPIC_CREATE);
    }

    /** Settings for any Kafka client: bootstrap servers plus every {@code kafka.*} pass-through option. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>(originalsWithPrefix(KAFKA_PREFIX));
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }
}
