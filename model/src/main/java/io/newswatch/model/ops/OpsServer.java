package io.newswatch.model.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small HTTP server for operators: {@code GET /metrics} in the Prometheus text format, {@code GET /health} as JSON
 * ({@code 200} when up, {@code 503} when not). Every worker has one when {@code ops.port} is set; the registry is
 * where the worker's own meters go.
 */
public final class OpsServer implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;

    /** @param port 0 for any free port */
    public OpsServer(String worker, String host, int port, Supplier<Health> health) {
        registry.config().commonTags("worker", worker);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ops port " + host + ":" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape()));
        server.createContext("/health", ex -> {
            Health h;
            try {
                h = health.get();
            } catch (RuntimeException e) {
                h = Health.down(Map.of("error", e.toString()));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", h.up() ? "UP" : "DOWN");
            body.put("worker", worker);
            body.putAll(h.details());
            send(ex, h.up() ? 200 : 503, "application/json", Json.write(body));
        });
        server.setExecutor(null);
        server.start();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * A counter read from {@code state} at each scrape (the worker keeps counting its own way). Micrometer holds
     * {@code state} weakly: it must be an object the worker keeps, not a lambda made for the call.
     */
    public <T> void counter(String name, String description, T state, java.util.function.ToLongFunction<T> value) {
        io.micrometer.core.instrument.FunctionCounter.builder(name, state, s -> value.applyAsLong(s))
                .description(description).register(registry);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
