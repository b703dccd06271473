package io.newswatch.model.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Collects raw option values: a properties file, then environment variables, then explicit overrides (command
 * line), each later one winning. An environment variable {@code NEWSWATCH_BOOTSTRAP_SERVERS} sets
 * {@code bootstrap.servers}; {@code NEWSWATCH_KAFKA_SASL_JAAS_CONFIG} sets {@code kafka.sasl.jaas.config}.
 */
public final class ConfigSource {
    public static final String ENV_PREFIX = "NEWSWATCH_";

    private ConfigSource() {
    }

    public static Map<String, String> load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file != null) {
            values.putAll(readProperties(file));
        }
        values.putAll(fromEnvironment(environment));
        values.putAll(overrides);
        return values;
    }

    public static Map<String, String> readProperties(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(name -> values.put(name, props.getProperty(name).trim()));
        return values;
    }

    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                values.put(optionName(name), value);
            }
        });
        return values;
    }

    /** {@code NEWSWATCH_TOPIC_PARTITIONS} → {@code topic.partitions}. */
    public static String optionName(String environmentVariable) {
        return environmentVariable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
