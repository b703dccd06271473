package io.newswatch.app.demo;

import io.newswatch.enrich.EnrichConfig;
import io.newswatch.enrich.EnrichWorker;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.IngestStats;
import io.newswatch.ingest.IngestWorker;
import io.newswatch.sink.SinkConfig;
import io.newswatch.sink.SinkWorker;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * All three workers in one process against one Kafka cluster, as the demo and the end-to-end tests run them.
 * Each worker is the same class that runs on its own in production; only the process is shared.
 */
public final class Pipeline implements AutoCloseable {
    private final Map<String, String> settings;
    private final EnrichWorker enrich;
    private final SinkWorker sink;
    private final Thread sinkThread;
    private final ProgressProbe probe;

    /**
     * @param settings options for all workers (bootstrap.servers, topic.*, sink.jdbc.url, enrich.state.dir ...)
     */
    public Pipeline(Map<String, String> settings) throws SQLException {
        this.settings = Map.copyOf(settings);
        EnrichConfig enrichConfig = new EnrichConfig(settings);
        SinkConfig sinkConfig = new SinkConfig(settings);
        this.enrich = new EnrichWorker(enrichConfig);
        this.sink = new SinkWorker(sinkConfig);
        this.probe = new ProgressProbe(enrichConfig, sinkConfig);
        enrich.start();
        this.sinkThread = new Thread(sink, "newswatch-sink");
        sinkThread.start();
    }

    /** Reads the folder once (as {@code newswatch ingest FOLDER} would) and returns what it did. */
    public IngestStats ingestOnce(Path folder) {
        Map<String, String> values = new HashMap<>(settings);
        values.put(IngestConfig.INPUTS, folder.toString());
        try (IngestWorker worker = new IngestWorker(new IngestConfig(values), Clock.systemUTC())) {
            return worker.runOnce();
        }
    }

    /** Waits until enrich has processed every raw article and the sink has written everything enrich produced. */
    public void awaitQuiet(Duration timeout) throws InterruptedException {
        probe.awaitCaughtUp(timeout);
    }

    /** The state of the enrich worker's Kafka Streams. */
    public org.apache.kafka.streams.KafkaStreams.State enrichState() {
        return enrich.state();
    }

    public ProgressProbe probe() {
        return probe;
    }

    @Override
    public void close() throws InterruptedException {
        enrich.close();
        sink.close();
        sinkThread.join(Duration.ofSeconds(30).toMillis());
        probe.close();
    }
}
