package io.newswatch.ingest;

import io.newswatch.ingest.clean.ArticleCleaner;
import io.newswatch.ingest.folder.ArticleFileReader;
import io.newswatch.ingest.folder.FolderSource;
import io.newswatch.ingest.fetch.PageFetcher;
import io.newswatch.ingest.folder.InputDocument;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourceDirectory;
import io.newswatch.ingest.source.SourcePoller;
import io.newswatch.ingest.source.SourcesFile;
import io.newswatch.ingest.source.SourcesPublisher;
import io.newswatch.model.RawArticle;
import io.newswatch.ingest.folder.Rejection;
import io.newswatch.ingest.publish.ArticlePublisher;
import io.newswatch.ingest.publish.PublishedIndex;
import io.newswatch.model.config.TopicAdmin;
import io.newswatch.model.dlq.DeadLetter;
import io.newswatch.model.dlq.DeadLetterPublisher;
import io.newswatch.model.topic.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the configured folders and produces their articles. {@link #runOnce()} does one pass over every new or
 * changed file; {@link #run()} keeps watching until {@link #stop()}. A file that fails in any way is rejected
 * with a reason to the dead-letter topic and the pass goes on.
 */
public final class IngestWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final IngestConfig config;
    private final Clock clock;
    private final List<FolderSource> sources;
    private final ArticleFileReader reader;
    private final RawArticleBuilder builder;
    private final ArticlePublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final IngestStats stats = new IngestStats();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final SourceDirectory directory;
    private final io.newswatch.model.ops.OpsServer ops;
    private final SourcePoller poller;

    public IngestWorker(IngestConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        TopicAdmin.ensureTopics(config, config.sourcesEnabled() ? List.of(Topics.RAW, Topics.DLQ, Topics.SOURCES)
                : List.of(Topics.RAW, Topics.DLQ));
        this.sources = config.inputs().stream().map(p -> new FolderSource(p, clock, config.settle())).toList();
        this.reader = new ArticleFileReader(config.maxFileBytes());
        this.builder = new RawArticleBuilder(ArticleCleaner.defaults(), clock, config.maxBodyChars());
        String rawTopic = config.topic(Topics.RAW).name();
        PublishedIndex index = config.skipPublished()
                ? PublishedIndex.load(config.clientProperties(), rawTopic) : PublishedIndex.empty();
        LOG.info("ingest: {} articles already on {}", index.size(), rawTopic);
        this.publisher = new ArticlePublisher(config.clientProperties(), config.topic(Topics.RAW), index);
        this.deadLetters = new DeadLetterPublisher(config.clientProperties(), config.topic(Topics.DLQ).name());
        this.ops = config.opsServer("ingest", this::health);
        if (ops != null) {
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
            this.directory = new SourceDirectory(config.clientProperties(), sourcesTopic, config.groupId());
            this.poller = ops == null ? new SourcePoller(new PageFetcher(config.fetchPolicy(), clock), clock)
                    : new SourcePoller(new PageFetcher(config.fetchPolicy(), clock), clock, ops.registry());
        } else {
            this.directory = null;
            this.poller = null;
        }
    }

    public IngestStats stats() {
        return stats;
    }

    /** One pass over every new or changed file of every folder; returns when all of it is on the broker. */
    public IngestStats runOnce() {
        Instant lastProgress = clock.instant();
        for (FolderSource source : sources) {
            String sourceName = config.sourceName() != null ? config.sourceName()
                    : String.valueOf(source.root().toAbsolutePath().normalize().getFileName());
            List<Path> files = source.newFiles();
            for (int i = 0; i < files.size(); i++) {
                ingestFile(files.get(i), sourceName);
                if (Duration.between(lastProgress, clock.instant()).compareTo(PROGRESS_EVERY) >= 0) {
                    lastProgress = clock.instant();
                    LOG.info("ingest: {} / {} files of {}: {}", i + 1, files.size(), source.root(), stats);
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

    /** Reads source changes, then polls each owned source that is due and publishes what it found. */
    public void pollSources() {
        directory.poll(Duration.ofMillis(200));
        for (Source source : directory.owned()) {
            for (RawArticle article : poller.pollIfDue(source)) {
                if (article.body().length() > config.maxBodyChars()) {
                    stats.countRejected("too-large");
                } else if (publisher.publish(article)) {
                    stats.countProduced();
                } else {
                    stats.countUnchanged();
                }
            }
        }
        publisher.flush();
    }

    /**
     * Up unless every source it owns has failed three polls in a row (then the worker, or its network, is the
     * likelier problem); the details list each source's state.
     */
    io.newswatch.model.ops.Health health() {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("articles", stats.toString());
        java.util.Map<String, Object> sourceStates = new java.util.TreeMap<>();
        sourceHealth().forEach((id, h) -> sourceStates.put(id, h.consecutiveFailures() == 0 ? "ok"
                : "failing x" + h.consecutiveFailures() + ": " + h.lastError()));
        details.put("sources", sourceStates);
        boolean allFailing = !sourceStates.isEmpty() && sourceHealth().values().stream()
                .allMatch(h -> h.consecutiveFailures() >= 3);
        return allFailing ? io.newswatch.model.ops.Health.down(details) : io.newswatch.model.ops.Health.up(details);
    }

    /** The port of /metrics and /health, or -1 when {@code ops.port} is not set. */
    public int opsPort() {
        return ops == null ? -1 : ops.port();
    }

    /** Health of every source this worker has polled. */
    public java.util.Map<String, io.newswatch.ingest.source.SourceHealth> sourceHealth() {
        return poller == null ? java.util.Map.of() : poller.allHealth();
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
        ArticleFileReader.Result result = reader.read(file);
        result.rejections().forEach(this::reject);
        for (InputDocument doc : result.documents()) {
            try {
                RawArticleBuilder.Built built = builder.build(doc, sourceName);
                if (built.rejection() != null) {
                    reject(built.rejection());
                } else if (publisher.publish(built.article())) {
                    stats.countProduced();
                } else {
                    stats.countUnchanged();
                }
            } catch (RuntimeException e) {
                // A document that trips a bug in extraction must not stop the others.
                LOG.error("cannot build an article from {}", doc.origin(), e);
                reject(new Rejection(doc.origin(), "error", e.toString(),
                        doc.content().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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
        publisher.close();
        deadLetters.close();
        if (directory != null) {
            directory.close();
        }
        if (ops != null) {
            ops.close();
        }
    }
}
