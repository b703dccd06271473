package io.newswatch.ingest;

import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Options of the ingest worker, on top of the shared ones. */
public final class IngestConfig extends NewswatchConfig {
    public static final String INPUTS = "ingest.inputs";
    public static final String WATCH = "ingest.watch";
    public static final String POLL_INTERVAL_MS = "ingest.poll.interval.ms";
    public static final String SETTLE_MS = "ingest.settle.ms";
    public static final String SOURCE_NAME = "ingest.source.name";
    public static final String MAX_FILE_BYTES = "ingest.max.file.bytes";
    public static final String MAX_BODY_CHARS = "ingest.max.body.chars";
    public static final String SKIP_PUBLISHED = "ingest.skip.published";
    public static final String SOURCES_FILE = "ingest.sources.file";
    public static final String SOURCES_ENABLED = "ingest.sources.enabled";
    public static final String GROUP_ID = "ingest.group.id";
    public static final String FETCH_MIN_DELAY = "ingest.fetch.min.delay";
    public static final String FETCH_MAX_BYTES = "ingest.fetch.max.bytes";
    public static final String FETCH_PRIVATE_HOSTS = "ingest.fetch.private.hosts";
    public static final String FETCH_TIMEOUT = "ingest.fetch.timeout";
    public static final String FETCH_THREADS = "ingest.fetch.threads";
    public static final String SHARDS = "ingest.shards";
    public static final String POLL_DEADLINE = "ingest.poll.deadline";
    public static final String EXTRACT_TIMEOUT = "ingest.extract.timeout";

    public static final ConfigDef DEFINITION = commonDefinition()
            .define(INPUTS, Type.LIST, List.of(), Importance.HIGH,
                    "Folders to read (.txt, .html, .jsonl files, sub-folders included), comma-separated.")
            .define(WATCH, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Keep running and pick up files added or changed later.")
            .define(POLL_INTERVAL_MS, Type.LONG, 2000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "How often a watched folder is listed again, in milliseconds.")
            .define(SETTLE_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "A file is read only after it has not changed for this long, so half-written files are not read.")
            .define(SOURCE_NAME, Type.STRING, null, Importance.MEDIUM,
                    "Source name for articles whose text names none (default: the folder's name).")
            .define(MAX_FILE_BYTES, Type.LONG, 10L * 1024 * 1024, ConfigDef.Range.atLeast(1024), Importance.MEDIUM,
                    "Files larger than this are rejected to the dead-letter topic without being read.")
            .define(MAX_BODY_CHARS, Type.INT, 200_000, ConfigDef.Range.atLeast(1000), Importance.LOW,
                    "Articles whose clean body is longer than this are rejected (a book, not a news article).")
            .define(SKIP_PUBLISHED, Type.BOOLEAN, true, Importance.LOW,
                    "At start-up, read the raw topic's keys so that articles already there are not produced again.")
            .define(SOURCES_FILE, Type.STRING, null, Importance.HIGH,
                    "YAML file of news sources (feeds, sitemaps, pages); written to the sources topic at start-up, "
                            + "where sources can also be added or removed while workers run.")
            .define(SOURCES_ENABLED, Type.BOOLEAN, false, Importance.HIGH,
                    "Poll the sources on the sources topic (on when a sources file is given). Workers with the same "
                            + "group id share them: each source has one owner.")
            .define(GROUP_ID, Type.STRING, "newswatch-ingest", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Consumer group of the ingest workers that share the sources.")
            .define(FETCH_MIN_DELAY, Type.STRING, "PT2S", isoDuration(), Importance.MEDIUM,
                    "Least time between two requests to one host (robots.txt crawl-delay may ask for more).")
            .define(FETCH_MAX_BYTES, Type.LONG, 10L * 1024 * 1024, ConfigDef.Range.atLeast(1024), Importance.LOW,
                    "Largest page or feed read; a bigger one is rejected without reading the rest.")
            .define(FETCH_PRIVATE_HOSTS, Type.LIST, List.of(), Importance.LOW,
                    "Hosts that may be fetched although they are private or loopback, as name (any port) or "
                            + "name:port (by default none: a feed must not reach internal services).")
            .define(FETCH_TIMEOUT, Type.STRING, "PT20S", isoDuration(), Importance.MEDIUM,
                    "The whole of one request (connect, headers and body); a slower answer is given up.")
            .define(FETCH_THREADS, Type.INT, 4, ConfigDef.Range.between(1, 256), Importance.MEDIUM,
                    "Sources polled at once by one worker; a slow or hostile host holds up only its own source.")
            .define(SHARDS, Type.INT, 12, ConfigDef.Range.between(1, 10_000), Importance.LOW,
                    "Partitions of the shards topic: how many ingest workers can share the sources (set before the "
                            + "first worker starts).")
            .define(POLL_DEADLINE, Type.STRING, "PT5M", isoDuration(), Importance.LOW,
                    "A source whose poll runs longer than this is reported stuck and /health turns DOWN.")
            .define(EXTRACT_TIMEOUT, Type.STRING, "PT2S", isoDuration(), Importance.LOW,
                    "Time to find the article in one page; a page that takes longer is rejected as too complex.");

    public IngestConfig(Map<?, ?> values) {
        super(DEFINITION, values);
    }

    public Path sourcesFile() {
        return getString(SOURCES_FILE) == null ? null : Path.of(getString(SOURCES_FILE));
    }

    public boolean sourcesEnabled() {
        return getBoolean(SOURCES_ENABLED) || sourcesFile() != null;
    }

    public String groupId() {
        return getString(GROUP_ID);
    }

    public io.newswatch.ingest.fetch.FetchPolicy fetchPolicy() {
        io.newswatch.ingest.fetch.FetchPolicy policy = io.newswatch.ingest.fetch.FetchPolicy.defaults()
                .withMinDelay(getDuration(FETCH_MIN_DELAY)).withMaxBytes(getLong(FETCH_MAX_BYTES))
                .withTimeout(getDuration(FETCH_TIMEOUT));
        for (String host : getList(FETCH_PRIVATE_HOSTS)) {
            policy = policy.allowingPrivateHost(host.toLowerCase());
        }
        return policy;
    }

    /** What one input may cost: bytes, body length, and time and shape of its page. */
    public io.newswatch.ingest.assemble.ArticleAssembler.Limits assemblyLimits() {
        io.newswatch.ingest.extract.ExtractionLimits defaults = io.newswatch.ingest.extract.ExtractionLimits.defaults();
        return new io.newswatch.ingest.assemble.ArticleAssembler.Limits(Math.max(getLong(MAX_FILE_BYTES),
                getLong(FETCH_MAX_BYTES)), getInt(MAX_BODY_CHARS), new io.newswatch.ingest.extract.ExtractionLimits(
                getDuration(EXTRACT_TIMEOUT), defaults.maxElements(), defaults.maxDepth()));
    }

    public int fetchThreads() {
        return getInt(FETCH_THREADS);
    }

    public int shards() {
        return getInt(SHARDS);
    }

    public Duration pollDeadline() {
        return getDuration(POLL_DEADLINE);
    }

    public List<Path> inputs() {
        return getList(INPUTS).stream().map(Path::of).toList();
    }

    public boolean watch() {
        return getBoolean(WATCH);
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public Duration settle() {
        return Duration.ofMillis(getLong(SETTLE_MS));
    }

    public String sourceName() {
        return getString(SOURCE_NAME);
    }

    public long maxFileBytes() {
        return getLong(MAX_FILE_BYTES);
    }

    public int maxBodyChars() {
        return getInt(MAX_BODY_CHARS);
    }

    public boolean skipPublished() {
        return getBoolean(SKIP_PUBLISHED);
    }
}
