package io.newswatch.app.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.model.config.ConfigProblem;
import io.newswatch.model.config.NewswatchConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Options of {@code newswatch notify}; its ledger lives in the sink's database ({@code sink.jdbc.url}). */
public final class NotifyConfig extends NewswatchConfig {
    public static final String GROUP_ID = "notify.group.id";
    public static final String CHANNELS_FILE = "notify.channels.file";
    public static final String MAX_ATTEMPTS = "notify.max.attempts";
    public static final String RETRY_BACKOFF = "notify.retry.backoff";
    public static final String RETRY_MAX = "notify.retry.max";
    public static final String TIMEOUT = "notify.timeout";
    public static final String UPDATE_EVERY = "notify.update.every";

    public static final ConfigDef DEFINITION = commonDefinition()
            .define(GROUP_ID, Type.STRING, "newswatch-notify", Importance.HIGH,
                    "Consumer group; instances with the same id share the desk topics.")
            .define(CHANNELS_FILE, Type.STRING, null, Importance.HIGH,
                    "YAML file of each desk's channels (webhook, chat); secrets are named there as environment "
                            + "variables, never written in it.")
            .define(MAX_ATTEMPTS, Type.INT, 5, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Sends of one alert version to one channel before it goes to the dead-letter topic.")
            .define(RETRY_BACKOFF, Type.STRING, "PT0.5S", isoDuration(), Importance.LOW,
                    "First wait between attempts; doubled each time (a Retry-After from the server wins).")
            .define(RETRY_MAX, Type.STRING, "PT30S", isoDuration(), Importance.LOW, "Longest wait between attempts.")
            .define(TIMEOUT, Type.STRING, "PT10S", isoDuration(), Importance.LOW, "Time allowed for one send.")
            .define(UPDATE_EVERY, Type.INT, 5, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "An update of an alert already sent goes out when its story has grown by this many articles "
                            + "(or its severity rose).");

    public NotifyConfig(Map<?, ?> values) {
        super(DEFINITION, values);
    }

    public String groupId() {
        return getString(GROUP_ID);
    }

    public int maxAttempts() {
        return getInt(MAX_ATTEMPTS);
    }

    public Duration retryBackoff() {
        return getDuration(RETRY_BACKOFF);
    }

    public Duration retryMax() {
        return getDuration(RETRY_MAX);
    }

    public Duration timeout() {
        return getDuration(TIMEOUT);
    }

    public int updateEvery() {
        return getInt(UPDATE_EVERY);
    }

    /** Every desk's channels from the channels file, secrets read from the environment. */
    public List<Channel> channels(Map<String, String> environment) {
        String file = getString(CHANNELS_FILE);
        if (file == null) {
            throw new ConfigProblem(CHANNELS_FILE + " is not set: give a YAML file of each desk's channels");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Path.of(file).toFile());
        } catch (IOException e) {
            throw new ConfigProblem("cannot read " + CHANNELS_FILE + " " + file + ": " + e.getMessage(), e);
        }
        List<Channel> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> desks = root.path("desks").fields(); desks.hasNext(); ) {
            Map.Entry<String, JsonNode> desk = desks.next();
            for (String kind : List.of("webhook", "chat")) {
                JsonNode c = desk.getValue().get(kind);
                if (c == null) {
                    continue;
                }
                String secretEnv = c.path("secret_env").asText(null);
                String secret = secretEnv == null ? null : environment.get(secretEnv);
                if (secretEnv != null && secret == null) {
                    throw new ConfigProblem("desk " + desk.getKey() + ": environment variable " + secretEnv
                            + " (the webhook secret) is not set");
                }
                try {
                    out.add(new Channel(desk.getKey(), kind, URI.create(c.path("url").asText()), secret));
                } catch (IllegalArgumentException e) {
                    throw new ConfigProblem("desk " + desk.getKey() + " " + kind + ": " + e.getMessage(), e);
                }
            }
        }
        if (out.isEmpty()) {
            throw new ConfigProblem(file + " names no channel (desks: <desk>: webhook|chat: url)");
        }
        return out;
    }
}
