package io.newswatch.enrich;

import io.newswatch.enrich.spike.SpikeOptions;
import io.newswatch.enrich.story.StoryOptions;
import io.newswatch.enrich.topology.ArticleLimits;
import io.newswatch.enrich.topology.EnrichOptions;
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
    public static final String STORY_EVENT_WINDOW = "enrich.story.event.window";
    public static final String STORY_RETENTION = "enrich.story.retention";
    public static final String STORY_NEAR_DUPLICATE = "enrich.story.near.duplicate";
    public static final String STORY_UNTAGGED_RETENTION = "enrich.story.untagged.retention";
    public static final String STORY_MAX_ARTICLES = "enrich.story.max.articles";
    public static final String AGGREGATE_GRACE = "enrich.aggregate.grace";
    public static final String AGGREGATE_RETENTION = "enrich.aggregate.retention";
    public static final String MAX_BODY_CHARS = "enrich.max.body.chars";
    public static final String MAX_RECORD_BYTES = "enrich.max.record.bytes";
    public static final String SPIKE_RATIO = "enrich.spike.ratio";
    public static final String SPIKE_MIN_COUNT = "enrich.spike.min.count";
    public static final String SPIKE_FLOOR = "enrich.spike.floor";
    public static final String SPIKE_WARM_UP = "enrich.spike.warm.up";
    public static final String SPIKE_BASELINE_WEEKS = "enrich.spike.baseline.weeks";
    public static final String SPIKE_SEVERITY = "enrich.spike.severity";

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
                    "Stream threads in this instance.")
            .define(STORY_EVENT_WINDOW, Type.STRING, "P3D", isoDuration(), Importance.MEDIUM,
                    "Reports of the same event (same large amount, a shared tag) join one story when at most this far "
                            + "apart in publication time.")
            .define(STORY_RETENTION, Type.STRING, "P14D", isoDuration(), Importance.MEDIUM,
                    "How long an article can still be joined by a later copy or report, and how long an alert not "
                            + "updated is remembered (bounds the story and alert state).")
            .define(STORY_NEAR_DUPLICATE, Type.DOUBLE, 0.5, ConfigDef.Range.between(0.05, 1.0), Importance.LOW,
                    "Estimated Jaccard similarity of 3-word shingles (MinHash) from which an article is a copy.")
            .define(STORY_UNTAGGED_RETENTION, Type.STRING, "P1D", isoDuration(), Importance.LOW,
                    "How long an article without tags can still be joined by a later copy (most articles are "
                            + "untagged; only tagged ones raise alerts).")
            .define(STORY_MAX_ARTICLES, Type.INT, 100_000, ConfigDef.Range.atLeast(100), Importance.MEDIUM,
                    "Most articles the story stage remembers (about 2 KB of heap each); beyond it the oldest are "
                            + "forgotten before their retention. Raise it together with the heap.")
            .define(AGGREGATE_GRACE, Type.STRING, "P1D", isoDuration(), Importance.MEDIUM,
                    "How late in event time an article still counts in its window; the window's final count is sent "
                            + "when its end plus this has passed. Backfills of older news need a longer grace.")
            .define(AGGREGATE_RETENTION, Type.STRING, "P7D", isoDuration(), Importance.LOW,
                    "How long (in record time) a closed window is remembered after its final count, so that an "
                            + "article arriving later still updates it exactly once, as a revision. Bounds the state of "
                            + "the counts; a backfill should finish within it.")
            .define(MAX_BODY_CHARS, Type.INT, ArticleLimits.DEFAULT_MAX_BODY_CHARS, ConfigDef.Range.atLeast(1000),
                    Importance.LOW, "Longest article body enrich analyses and publishes; a longer body is cut here and "
                            + "the enriched article says body_truncated.")
            .define(MAX_RECORD_BYTES, Type.INT, ArticleLimits.DEFAULT_MAX_RECORD_BYTES,
                    ConfigDef.Range.between(64 * 1024, 64 * 1024 * 1024), Importance.LOW,
                    "Largest enriched article written; a larger one is dead-lettered. Keep it at or under the "
                            + "producer's max.request.size (kafka.max.request.size) and the broker's message.max.bytes.")
            .define(SPIKE_RATIO, Type.DOUBLE, 3.0, ConfigDef.Range.atLeast(1.0), Importance.MEDIUM,
                    "A tag's hourly count is a spike at this many times its baseline for that hour of the week.")
            .define(SPIKE_MIN_COUNT, Type.INT, 5, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Fewest articles in an hour that can make a spike.")
            .define(SPIKE_FLOOR, Type.DOUBLE, 1.0, ConfigDef.Range.atLeast(0.0), Importance.LOW,
                    "Smallest baseline used, so a usually silent tag needs ratio x floor articles.")
            .define(SPIKE_WARM_UP, Type.STRING, "P7D", isoDuration(), Importance.MEDIUM,
                    "How long a tag is watched (in event time) before it can spike.")
            .define(SPIKE_BASELINE_WEEKS, Type.INT, 4, ConfigDef.Range.between(1, 52), Importance.LOW,
                    "Previous weeks whose same hour make the baseline.")
            .define(SPIKE_SEVERITY, Type.STRING, "medium", ConfigDef.ValidString.in("low", "medium", "high",
                    "critical"), Importance.LOW, "Severity of spike alerts.");

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

    public EnrichOptions options() {
        return new EnrichOptions(
                new StoryOptions(getDuration(STORY_EVENT_WINDOW), getDuration(STORY_RETENTION),
                        getDouble(STORY_NEAR_DUPLICATE), getDuration(STORY_UNTAGGED_RETENTION),
                        getInt(STORY_MAX_ARTICLES)),
                getDuration(AGGREGATE_GRACE), getDuration(AGGREGATE_RETENTION),
                new SpikeOptions(getDouble(SPIKE_RATIO), getInt(SPIKE_MIN_COUNT), getDouble(SPIKE_FLOOR),
                        getDuration(SPIKE_WARM_UP), getInt(SPIKE_BASELINE_WEEKS), getString(SPIKE_SEVERITY)),
                new ArticleLimits(getInt(MAX_BODY_CHARS), getInt(MAX_RECORD_BYTES)), partitions());
    }
}
