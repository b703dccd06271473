package io.newswatch.app.serve;

import io.newswatch.model.config.ConfigProblem;
import io.newswatch.model.config.NewswatchConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Options of {@code newswatch serve}; the database is the sink's ({@code sink.jdbc.url}). */
public final class ServeConfig extends NewswatchConfig {
    public static final String HOST = "serve.host";
    public static final String PORT = "serve.port";
    public static final String TOKENS = "serve.tokens";

    public static final ConfigDef DEFINITION = commonDefinition()
            .define(HOST, Type.STRING, "127.0.0.1", Importance.MEDIUM,
                    "Address the console listens on (loopback by default: put a proxy in front to share it).")
            .define(PORT, Type.INT, 8080, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
                    "Port of the console and API; 0 for any free port.")
            .define(TOKENS, Type.LIST, "", Importance.MEDIUM,
                    "Tokens per desk, desk:token,...; when set, every API call needs 'Authorization: Bearer TOKEN' "
                            + "and sees and acknowledges only its desk's alerts.");

    public ServeConfig(Map<?, ?> values) {
        super(DEFINITION, values);
    }

    public String host() {
        return getString(HOST);
    }

    public int port() {
        return getInt(PORT);
    }

    /** Token → desk. */
    public Map<String, String> deskByToken() {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> entries = getList(TOKENS);
        for (String entry : entries) {
            String[] kv = entry.strip().split(":", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].length() < 8) {
                throw new ConfigProblem(TOKENS + ": '" + entry + "' is not desk:token with a token of at least 8 "
                        + "characters");
            }
            out.put(kv[1], kv[0]);
        }
        return out;
    }
}
