package io.newswatch.enrich;

import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Options of the enrich worker, on top of the shared ones. */
public final class EnrichConfig extends NewswatchConfig {
    public static final String APPLICATION_ID = "enrich.application.id";
    public static final String RULES_FILE = "enrich.rules.file";
    public static final String ALERT_RULES_FILE = "enrich.alert.rules.file";
    public static final String GAZETTEER_FILE = "enrich.gazetteer.file";
    public static final String STATE_DIR = "enrich.state.dir";
    public static final String THREADS = "enrich.threads";

    public static final ConfigDef DEFINITION = commonDefinition()
            .define(APPLICATION_ID, Type.STRING, "newswatch-enrich", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Kafka Streams application id. Instances with the same id share the work.")
            .define(RULES_FILE, Type.STRING, null, Importance.HIGH,
                    "YAML file of tags and watch rules (default: the bundled default taxonomy).")
            .define(ALERT_RULES_FILE, Type.STRING, null, Importance.HIGH,
                    "YAML file of alert rules (default: the bundled alert rules).")
            .define(GAZETTEER_FILE, Type.STRING, null, Importance.MEDIUM,
                    "YAML gazetteer of people, organisations and places (default: the bundled one).")
            .define(STATE_DIR, Type.STRING, System.getProperty("java.io.tmpdir") + "/newswatch-streams",
                    Importance.MEDIUM, "Folder for local state stores (rebuilt from changelogs when lost).")
            .define(THREADS, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Stream threads in this instance.");

    public EnrichConfig(Map<?, ?> values) {
        super(DEFINITION, values);
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public Path rulesFile() {
        return getString(RULES_FILE) == null ? null : Path.of(getString(RULES_FILE));
    }

    public Path alertRulesFile() {
        return getString(ALERT_RULES_FILE) == null ? null : Path.of(getString(ALERT_RULES_FILE));
    }

    public Path gazetteerFile() {
        return getString(GAZETTEER_FILE) == null ? null : Path.of(getString(GAZETTEER_FILE));
    }

    public String stateDir() {
        return getString(STATE_DIR);
    }

    public int threads() {
        return getInt(THREADS);
    }
}
