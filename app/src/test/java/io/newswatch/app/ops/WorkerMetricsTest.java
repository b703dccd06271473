package io.newswatch.app.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.app.support.TestKafka;
import io.newswatch.sink.SinkConfig;
import io.newswatch.sink.SinkWorker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker on a real broker serves its Kafka client's meters, once per series, and turns ready when assigned. */
class WorkerMetricsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSinkExportsConsumerLagOncePerPartitionAndIsReadyWhenAssigned(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String name = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        SinkConfig config = new SinkConfig(Map.of("bootstrap.servers", TestKafka.bootstrapServers(),
                "topic.alerts", name + ".alerts", "topic.aggregates", name + ".aggregates", "topic.dlq", name + ".dlq",
                "sink.group.id", name, "sink.jdbc.url", "jdbc:sqlite:" + dir.resolve("m.db"),
                "ops.port", String.valueOf(port), "ops.host", "127.0.0.1", "topic.partitions", "2"));
        try (SinkWorker sink = new SinkWorker(config)) {
            Thread loop = new Thread(sink, "sink");
            loop.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> get(port, "/ready").statusCode() == 200);
            String metrics = get(port, "/metrics").body();
            // Per-partition lag appears once the client has fetched and Micrometer's minutely refresh has seen it;
            // the client-wide maximum is there from the start.
            List<String> lag = metrics.lines().filter(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{"))
                    .toList();
            assertEquals(1, lag.size(), lag.toString());
            assertTrue(lag.get(0).contains("worker=\"sink\""), lag.toString());
            assertTrue(metrics.lines().noneMatch(l -> l.contains("topic=\"" + name.replace('-', '_') + "_")),
                    "no topic written a second time with underscores");
            assertTrue(metrics.contains("process_uptime_seconds") && metrics.contains("jvm_gc_"), "JVM meters");
            sink.stop();
            loop.join(30_000);
        }
    }
}
