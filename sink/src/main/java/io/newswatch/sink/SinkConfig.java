package io.newswatch.sink;

import io.newswatch.model.config.NewswatchConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/** Options of the sink worker, on top of the shared ones. */
public final class SinkConfig extends NewswatchConfig {
    public static final String JDBC_URL = "sink.jdbc.url";
    public static final String JDBC_USER = "sink.jdbc.user";
    public static final String JDBC_PASSWORD = "sink.jdbc.password";
    public static final String GROUP_ID = "sink.group.id";
    public static final String RETRY_BACKOFF_MS = "sink.retry.backoff.ms";

    public static final ConfigDef DEFINITION = commonDefinition()
            .define(JDBC_URL, Type.STRING, "jdbc:sqlite:newswatch.db", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Database to write to: jdbc:sqlite:FILE (default, a file next to where it runs) or "
                            + "jdbc:postgresql://HOST:PORT/DB.")
            .define(JDBC_USER, Type.STRING, null, Importance.MEDIUM, "Database user (PostgreSQL).")
            .define(JDBC_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                    "Database password (PostgreSQL); prefer the environment variable NEWSWATCH_SINK_JDBC_PASSWORD.")
            .define(GROUP_ID, Type.STRING, "newswatch-sink", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Consumer group of the sink. Instances with the same group share the partitions.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 2000L, ConfigDef.Range.atLeast(10), Importance.LOW,
                    "Wait before retrying a batch after a database error (the batch is re-read, never skipped).");

    public SinkConfig(Map<?, ?> values) {
        super(DEFINITION, values);
    }

    public String jdbcUrl() {
        return getString(JDBC_URL);
    }

    /** User and password as JDBC connection properties (empty when the URL carries them or none are needed). */
    public java.util.Properties jdbcCredentials() {
        java.util.Properties credentials = new java.util.Properties();
        if (jdbcUser() != null) {
            credentials.setProperty("user", jdbcUser());
        }
        if (jdbcPassword() != null) {
            credentials.setProperty("password", jdbcPassword());
        }
        return credentials;
    }

    public String jdbcUser() {
        return getString(JDBC_USER);
    }

    public String jdbcPassword() {
        Password password = getPassword(JDBC_PASSWORD);
        return password == null ? null : password.value();
    }

    public String groupId() {
        return getString(GROUP_ID);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS));
    }
}
