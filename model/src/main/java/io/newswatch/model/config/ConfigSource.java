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
        return loadWithOrigins(file, environment, overrides).values();
    }

    /** Option values, and for each where it came from: {@code file FILE}, {@code env NAME} or {@code --set}. */
    public record Loaded(Map<String, String> values, Map<String, String> origins) {
    }

    public static Loaded loadWithOrigins(Path file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        if (file != null) {
            readProperties(file).forEach((k, v) -> {
                values.put(k, v);
                origins.put(k, "file " + file);
            });
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                values.put(optionName(name), value);
                origins.put(optionName(name), "env " + name);
            }
        });
        overrides.forEach((k, v) -> {
            values.put(k, v);
            origins.put(k, "--set");
        });
        return new Loaded(values, origins);
    }

    public static Map<String, String> readProperties(Path file) {
        Properties props = new Properties();
        if (!Files.isRegularFile(file)) {
            throw new ConfigProblem("config file " + file + " does not exist or is not a file: give the path of a "
                    + "properties file to --config");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigProblem("cannot read config file " + file + ": " + e.getMessage(), e);
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
