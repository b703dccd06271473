package io.newswatch.model.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(OpsServer ops, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesPrometheusMetricsAndAHealthThatTurns503WhenDown() throws Exception {
        AtomicBoolean up = new AtomicBoolean(true);
        try (OpsServer ops = new OpsServer("test", "127.0.0.1", 0,
                () -> up.get() ? Health.up(Map.of("detail", "fine")) : Health.down(Map.of("detail", "stuck")))) {
            ops.registry().counter("newswatch.things.done").increment(3);
            String metrics = get(ops, "/metrics").body();
            assertTrue(metrics.contains("newswatch_things_done_total{worker=\"test\"} 3.0"), metrics);
            assertTrue(metrics.contains("jvm_memory_used_bytes"));

            HttpResponse<String> healthy = get(ops, "/health");
            assertEquals(200, healthy.statusCode());
            assertEquals("{\"status\":\"UP\",\"worker\":\"test\",\"detail\":\"fine\"}", healthy.body());
            up.set(false);
            HttpResponse<String> down = get(ops, "/health");
            assertEquals(503, down.statusCode());
            assertTrue(down.body().contains("\"DOWN\""));
        }
    }

    @Test
    void exportsGcProcessAndUptimeMetricsAndAReadinessApartFromHealth() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        try (OpsServer ops = new OpsServer("test", "127.0.0.1", 0, () -> Health.up(Map.of()),
                () -> ready.get() ? Health.up(Map.of()) : Health.down(Map.of("streams", "REBALANCING")))) {
            String metrics = get(ops, "/metrics").body();
            for (String name : new String[] {"jvm_gc_", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                    "process_cpu_usage", "process_uptime_seconds", "system_cpu_count"}) {
                assertTrue(metrics.contains(name), name + " missing");
            }
            assertEquals(200, get(ops, "/health").statusCode());
            assertEquals(503, get(ops, "/ready").statusCode());
            ready.set(true);
            assertEquals(200, get(ops, "/ready").statusCode());
        }
    }

    @Test
    void aTopicNameWrittenWithUnderscoresForJmxIsNotASecondSeries() throws Exception {
        try (OpsServer ops = new OpsServer("test", "127.0.0.1", 0, () -> Health.up(Map.of()))) {
            ops.dedupeTopicTags(java.util.List.of("newswatch.articles.raw"));
            ops.registry().gauge("kafka.consumer.records.lag", java.util.List.of(
                    io.micrometer.core.instrument.Tag.of("topic", "newswatch.articles.raw")), 3.0);
            ops.registry().gauge("kafka.consumer.records.lag", java.util.List.of(
                    io.micrometer.core.instrument.Tag.of("topic", "newswatch_articles_raw")), 3.0);
            String metrics = get(ops, "/metrics").body();
            assertEquals(1, metrics.lines().filter(l -> l.startsWith("kafka_consumer_records_lag{")).count(), metrics);
        }
    }
}
