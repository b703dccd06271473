package io.newswatch.app.cli;

import io.newswatch.enrich.EnrichConfig;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.model.config.ConfigSource;
import io.newswatch.model.config.KnownOptions;
import io.newswatch.sink.SinkConfig;
import java.util.Set;
import java.util.TreeSet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options every worker command takes: a properties file, single settings, and the bootstrap servers. Values
 * come from the file, then {@code NEWSWATCH_*} environment variables, then these options.
 */
public final class WorkerOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with the worker's options (see the README's configuration reference).")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Set one option, e.g. --set topic.partitions=6 or --set kafka.security.protocol=SSL.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (option bootstrap.servers).")
    String bootstrapServers;

    public Map<String, String> values(Map<String, String> extra) {
        Map<String, String> overrides = new LinkedHashMap<>(extra);
        overrides.putAll(settings);
        if (bootstrapServers != null) {
            overrides.put("bootstrap.servers", bootstrapServers);
        }
        ConfigSource.Loaded loaded = ConfigSource.loadWithOrigins(configFile, System.getenv(), overrides);
        KNOWN.check(loaded);
        LogSettings.apply(loaded.values().get("log.format"), loaded.values().get("log.levels"));
        return loaded.values();
    }

    /** The values with where each came from, checked like {@link #values}. */
    public ConfigSource.Loaded loaded() {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (bootstrapServers != null) {
            overrides.put("bootstrap.servers", bootstrapServers);
        }
        ConfigSource.Loaded loaded = ConfigSource.loadWithOrigins(configFile, System.getenv(), overrides);
        KNOWN.check(loaded);
        return loaded;
    }

    /** Every option any worker reads: one file can configure all of them, so each may hold the others' keys. */
    public static final KnownOptions KNOWN = new KnownOptions(allNames());

    private static Set<String> allNames() {
        Set<String> names = new TreeSet<>();
        names.addAll(IngestConfig.DEFINITION.names());
        names.addAll(EnrichConfig.DEFINITION.names());
        names.addAll(SinkConfig.DEFINITION.names());
        names.addAll(io.newswatch.app.serve.ServeConfig.DEFINITION.names());
        names.addAll(io.newswatch.app.notify.NotifyConfig.DEFINITION.names());
        return names;
    }
}
