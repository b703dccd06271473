package io.newswatch.ingest;

import io.newswatch.ingest.assemble.ArticleAssembler;
import io.newswatch.ingest.assemble.ArticleInput;
import io.newswatch.ingest.assemble.Assembled;
import io.newswatch.ingest.assemble.Rejection;
import io.newswatch.ingest.fetch.PageFetcher;
import io.newswatch.ingest.folder.ArticleFileReader;
import io.newswatch.ingest.folder.FolderSource;
import io.newswatch.ingest.publish.ArticlePublisher;
import io.newswatch.ingest.publish.PublishedIndex;
import io.newswatch.ingest.source.SourceDirectory;
import io.newswatch.ingest.source.SourceHealth;
import io.newswatch.ingest.source.SourcePoller;
import io.newswatch.ingest.source.SourceScheduler;
import io.newswatch.ingest.source.SourcesFile;
import io.newswatch.ingest.source.SourcesPublisher;
import io.newswatch.model.config.TopicAdmin;
import io.newswatch.model.dlq.DeadLetter;
import io.newswatch.model.dlq.DeadLetterPublisher;
import io.newswatch.model.ops.Health;
import io.newswatch.model.ops.OpsServer;
import io.newswatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configured folders and polls the sources this worker owns, and produces their articles; every input,
 * whatever its route, becomes an article or a rejection through one {@link ArticleAssembler}, and every rejection
 * goes to the dead-letter topic with its reason while the rest goes on. {@link #runOnce()} does one pass over
 * every new or changed file; {@link #run()} keeps going until {@link #stop()}.
 */
public final class IngestWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration LOOP_STALLED = Duration.ofSeconds(60);

    private final IngestConfig config;
    private final Clock clock;
    private final List<FolderSource> folders;
    private final ArticleFileReader reader;
    private final ArticleAssembler assembler;
    private final ArticlePublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final IngestStats stats = new IngestStats();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Instant> lastLoop;
    private final OpsServer ops;
    private final SourceDirectory directory;
    private final SourcePoller poller;
    private final SourceScheduler scheduler;

    public IngestWorker(IngestConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.lastLoop = new AtomicReference<>(clock.instant());
        List<TopicAdmin.Spec> topics = new ArrayList<>();
        TopicAdmin.ensureTopics(config, config.sourcesEnabled() ? List.of(Topics.RAW, Topics.DLQ, Topics.SOURCES)
                : List.of(Topics.RAW, Topics.DLQ));
        if (config.sourcesEnabled()) {
            topics.add(new TopicAdmin.Spec(config.topic(Topics.INGEST_SHARDS).name(), config.shards(), false, false));
            TopicAdmin.ensure(config, topics);
        }
        this.folders = config.inputs().stream().map(p -> new FolderSource(p, clock, config.settle())).toList();
        this.reader = new ArticleFileReader(config.maxFileBytes());
        this.assembler = new ArticleAssembler(config.assemblyLimits(), clock);
        String rawTopic = config.topic(Topics.RAW).name();
        PublishedIndex index = config.skipPublished()
                ? PublishedIndex.load(config.clientProperties(), rawTopic) : PublishedIndex.empty();
        LOG.info("ingest: {} articles already on {}", index.size(), rawTopic);
        this.publisher = new ArticlePublisher(config.clientProperties(), config.topic(Topics.RAW), index);
        this.deadLetters = new DeadLetterPublisher(config.clientProperties(), config.topic(Topics.DLQ).name());
        this.ops = config.opsServer("ingest", this::health);
        if (ops != null) {
            publisher.bindMetrics(ops);
            ops.counter("newswatch.ingest.articles.produced", "Articles produced to the raw topic", stats,
                    IngestStats::produced);
            ops.counter("newswatch.ingest.articles.unchanged", "Articles seen before, not produced", stats,
                    IngestStats::unchanged);
            ops.counter("newswatch.ingest.inputs.rejected", "Inputs rejected to the dead-letter topic", stats,
                    IngestStats::rejectedTotal);
            LOG.info("ingest: metrics and health on port {}", ops.port());
        }
        if (config.sourcesEnabled()) {
            String sourcesTopic = config.topic(Topics.SOURCES).name();
            if (config.sourcesFile() != null) {
                SourcesPublisher.publish(config.clientProperties(), sourcesTopic, SourcesFile.load(config.sourcesFile()));
            }
            this.directory = new SourceDirectory(config.clientProperties(), sourcesTopic,
                    config.topic(Topics.INGEST_SHARDS).name(), config.groupId());
            PageFetcher fetcher = new PageFetcher(config.fetchPolicy(), clock);
            this.poller = ops == null ? new SourcePoller(fetcher, assembler, clock)
                    : new SourcePoller(fetcher, assembler, clock, ops.registry());
            this.scheduler = new SourceScheduler(poller, config.fetchThreads(), config.pollDeadline(), clock,
                    this::accept);
        } else {
            this.directory = null;
            this.poller = null;
            this.scheduler = null;
        }
    }

    public IngestStats stats() {
        return stats;
    }

    /** One pass over every new or changed file of every folder; returns when all of it is on the broker. */
    public IngestStats runOnce() {
        Instant lastProgress = clock.instant();
        for (FolderSource folder : folders) {
            String sourceName = config.sourceName() != null ? config.sourceName()
                    : String.valueOf(folder.root().toAbsolutePath().normalize().getFileName());
            List<Path> files = folder.newFiles();
            for (int i = 0; i < files.size() && stopped.getCount() > 0; i++) {
                ingestFile(files.get(i), sourceName);
                lastLoop.set(clock.instant());
                if (Duration.between(lastProgress, clock.instant()).compareTo(PROGRESS_EVERY) >= 0) {
                    lastProgress = clock.instant();
                    LOG.info("ingest: {} / {} files of {}: {}", i + 1, files.size(), folder.root(), stats);
                }
            }
        }
        publisher.flush();
        return stats;
    }

    /**
     * Passes until {@link #stop()}: one folder pass only unless {@code ingest.watch} is set; with sources, it keeps
     * polling the sources it owns, each when it is due.
     */
    public void run() throws InterruptedException {
        Instant nextFolderPass = clock.instant();
        do {
            lastLoop.set(clock.instant());
            if (!clock.instant().isBefore(nextFolderPass)) {
                runOnce();
                nextFolderPass = clock.instant().plus(config.pollInterval());
            }
            if (directory != null) {
                pollSources();
            }
        } while ((config.watch() || directory != null) && !stopped.await(directory != null ? 1000
                : config.pollInterval().toMillis(), TimeUnit.MILLISECONDS));
        LOG.info("ingest finished: {}", stats);
    }

    /**
     * Reads source changes, and starts a poll of each owned source that is due (on the polling threads, which
     * publish what they find).
     */
    public void pollSources() {
        directory.poll(Duration.ofMillis(200));
        scheduler.schedule(directory.owned());
        publisher.flush();
    }

    /** Waits until no source poll is running (for tests and a clean stop); true when none is. */
    public boolean awaitSourcePolls(Duration timeout) throws InterruptedException {
        return scheduler == null || scheduler.awaitIdle(timeout);
    }

    /** Publishes what one poll found; runs on a polling thread. */
    private void accept(List<Assembled> found) {
        for (Assembled result : found) {
            if (result.ok()) {
                publish(result);
            } else {
                reject(result.rejection());
            }
        }
    }

    private void publish(Assembled result) {
        if (publisher.publish(result.article())) {
            stats.countProduced();
        } else {
            stats.countUnchanged();
        }
    }

    /**
     * Up unless the worker cannot do its job: its loop has stalled, a source's poll is stuck past its deadline,
     * or every source it owns has failed three polls in a row (then the worker, or its network, is the likelier
     * problem). The details list each source's state.
     */
    Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("articles", stats.toString());
        Duration sinceLoop = Duration.between(lastLoop.get(), clock.instant());
        details.put("loop_seconds_ago", sinceLoop.toSeconds());
        Map<String, Object> sourceStates = new TreeMap<>();
        sourceHealth().forEach((id, h) -> sourceStates.put(id, h.consecutiveFailures() == 0 ? "ok"
                : "failing x" + h.consecutiveFailures() + ": " + h.lastError()));
        Map<String, Duration> stuck = scheduler == null ? Map.of() : scheduler.stuck();
        stuck.forEach((id, ran) -> sourceStates.put(id, "stuck: polling for " + ran.toSeconds() + " s"));
        details.put("sources", sourceStates);
        boolean allFailing = !sourceHealth().isEmpty() && sourceHealth().values().stream()
                .allMatch(h -> h.consecutiveFailures() >= 3);
        boolean stalled = sinceLoop.compareTo(LOOP_STALLED) > 0;
        if (stalled) {
            details.put("problem", "the worker's loop has not run for " + sinceLoop.toSeconds() + " s");
        } else if (!stuck.isEmpty()) {
            details.put("problem", "source polls stuck past " + config.pollDeadline() + ": " + stuck.keySet());
        } else if (allFailing) {
            details.put("problem", "every source is failing");
        }
        return details.containsKey("problem") ? Health.down(details) : Health.up(details);
    }

    /** The port of /metrics and /health, or -1 when {@code ops.port} is not set. */
    public int opsPort() {
        return ops == null ? -1 : ops.port();
    }

    /** Health of every source this worker has polled. */
    public Map<String, SourceHealth> sourceHealth() {
        return poller == null ? Map.of() : poller.allHealth();
    }

    public void stop() {
        stopped.countDown();
    }

    private void ingestFile(Path file, String sourceName) {
        stats.countFile();
        if (!ArticleFileReader.isSupported(file)) {
            LOG.info("skipping {}: not a .txt, .html or .jsonl file", file);
            stats.countRejected("unsupported-type");
            return;
        }
        ArticleFileReader.Result result = reader.read(file, sourceName);
        result.rejections().forEach(this::reject);
        for (ArticleInput input : result.inputs()) {
            Assembled assembled = assembler.assemble(input);
            if (assembled.ok()) {
                publish(assembled);
            } else {
                reject(assembled.rejection());
            }
        }
    }

    private void reject(Rejection rejection) {
        stats.countRejected(rejection.code());
        deadLetters.publish(DeadLetter.fromInput("ingest", rejection.reason(), rejection.code(), rejection.origin(),
                rejection.original()));
    }

    @Override
    public void close() {
        stop();
        if (scheduler != null) {
            scheduler.close();
        }
        if (directory != null) {
            directory.close();
        }
        publisher.close();
        deadLetters.close();
        if (ops != null) {
            ops.close();
        }
    }
}
