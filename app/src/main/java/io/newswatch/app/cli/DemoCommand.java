package io.newswatch.app.cli;

import io.newswatch.app.demo.DemoSummary;
import io.newswatch.app.demo.Pipeline;
import io.newswatch.app.demo.SampleCorpus;
import io.newswatch.app.demo.DemoBroker;
import io.newswatch.enrich.EnrichConfig;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.IngestStats;
import io.newswatch.ingest.IngestWorker;
import io.newswatch.model.topic.Topics;
import io.newswatch.sink.SinkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker, run ingest, enrich and sink in this process over the bundled "
                + "sample corpus (or --input), wait until every article has gone through, print a summary, and exit "
                + "(or keep running with --follow).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "DIR", description = "Folder of .txt/.html/.jsonl articles to use "
            + "instead of the bundled samples.")
    Path input;

    @Option(names = "--follow", description = "Keep running after the summary: print the broker address for any "
            + "Kafka client (e.g. kcat), watch the input folder for new files, stop with Ctrl-C.")
    boolean follow;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Database for the sink (default: an SQLite file "
            + "in the demo's work folder).")
    String jdbcUrl;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions per topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--timeout", defaultValue = "PT3M", description = "Longest wait for the pipeline to catch up "
            + "(ISO-8601 duration, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @picocli.CommandLine.Option(names = "--console-port", defaultValue = "8080",
            description = "Port of the desk console with --follow (default ${DEFAULT-VALUE}; 0 for any free port).")
    int consolePort;

    /** A grace period longer than any archive, so a replay of old news counts every article. */
    public static final String ARCHIVE_GRACE = "P36500D";

    @Override
    public Integer call() throws Exception {
        requireBroker();
        quietBrokerLogs();
        Path work = Files.createTempDirectory("newswatch-demo-");
        Path folder = input != null ? input : SampleCorpus.copyTo(work.resolve("samples"));
        if (!Files.isDirectory(folder)) {
            System.err.println("demo: --input " + folder + " is not a folder");
            return 2;
        }
        String db = jdbcUrl != null ? jdbcUrl : "jdbc:sqlite:" + work.resolve("newswatch.db");
        System.out.println("Starting an embedded Kafka broker (KRaft, single node)...");
        try (DemoBroker kafka = DemoBroker.start(work.resolve("kafka"))) {
            Map<String, String> settings = new HashMap<>();
            settings.put("bootstrap.servers", kafka.bootstrapServers());
            settings.put("topic.partitions", String.valueOf(partitions));
            settings.put(SinkConfig.JDBC_URL, db);
            settings.put(EnrichConfig.STATE_DIR, work.resolve("streams").toString());
            // The samples are archive news from several years: every one of them must count, however late.
            settings.put(EnrichConfig.AGGREGATE_GRACE, ARCHIVE_GRACE);
            System.out.println("Broker at " + kafka.bootstrapServers() + "; reading " + folder + "; database " + db);
            try (Pipeline pipeline = new Pipeline(settings)) {
                IngestStats stats = pipeline.ingestOnce(folder);
                pipeline.awaitQuiet(timeout);
                new DemoSummary(System.out).print(stats, DemoSummary.readEnriched(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()), Topics.ENRICHED.name()), db);
                try (io.newswatch.app.serve.ConsoleServer console = new io.newswatch.app.serve.ConsoleServer(
                        new io.newswatch.app.serve.AlertQueries(db, new java.util.Properties()), Map.of(),
                        "127.0.0.1", follow ? consolePort : 0, java.time.Clock.systemUTC())) {
                    System.out.println();
                    System.out.println("== Console: http://127.0.0.1:" + console.port() + "/"
                            + (follow ? "" : "   (up while the demo runs; add --follow to keep it)"));
                    if (follow) {
                        follow(kafka, settings, folder);
                    }
                }
            }
        }
        return 0;
    }

    /** The demo's broker is ours: its start-up chatter is not news to the user. Set before any logger exists. */
    /**
     * The workers' jar leaves the Kafka broker (and Scala) out; the demo's jar has them. Say which to run instead of
     * failing on a missing class.
     */
    private static void requireBroker() {
        try {
            Class.forName("kafka.server.KafkaRaftServer", false, DemoCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new io.newswatch.model.config.ConfigProblem("the demo starts a Kafka broker, which this jar (the "
                    + "workers' jar) leaves out: run ./newswatch demo, or java -jar app/target/newswatch-demo.jar demo");
        }
    }

    private static void quietBrokerLogs() {
        for (String logger : new String[] {"org.apache.kafka.controller", "org.apache.kafka.clients.NetworkClient",
                "org.apache.kafka.streams.processor.internals.StateDirectory", "org.apache.kafka.streams.StreamsConfig",
                "kafka", "org.apache.kafka.raft", "org.apache.kafka.image"}) {
            LogSettings.setLevel(logger, "ERROR");
        }
    }

    private void follow(DemoBroker kafka, Map<String, String> settings, Path folder) throws InterruptedException {
        String bs = kafka.bootstrapServers();
        System.out.println();
        System.out.println("== Following. Broker: " + bs + "   (Ctrl-C to stop)");
        System.out.println("  alerts:     kcat -b " + bs + " -C -t " + Topics.ALERTS.name() + " -f '%k => %s\\n'");
        System.out.println("  one desk:   kcat -b " + bs + " -C -t " + Topics.ALERTS.name() + ".central-asia");
        System.out.println("  enriched:   kcat -b " + bs + " -C -t " + Topics.ENRICHED.name());
        System.out.println("  counts:     kcat -b " + bs + " -C -t " + Topics.AGGREGATES.name());
        System.out.println("  dead letters (with reasons): kcat -b " + bs + " -C -t " + Topics.DLQ.name() + " -J");
        System.out.println("  new files dropped into " + folder + " are ingested as they appear.");
        Map<String, String> values = new HashMap<>(settings);
        values.put(IngestConfig.INPUTS, folder.toString());
        values.put(IngestConfig.WATCH, "true");
        CountDownLatch stopped = new CountDownLatch(1);
        try (IngestWorker watcher = new IngestWorker(new IngestConfig(values), Clock.systemUTC())) {
            Shutdown shutdown = Shutdown.onSignal(() -> {
                watcher.stop();
                stopped.countDown();
            });
            Thread thread = new Thread(() -> {
                try {
                    watcher.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newswatch-ingest-watch");
            thread.start();
            try {
                stopped.await();
                thread.join();
            } finally {
                shutdown.done();
            }
        }
    }
}
