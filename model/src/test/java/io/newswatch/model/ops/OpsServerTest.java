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
}
