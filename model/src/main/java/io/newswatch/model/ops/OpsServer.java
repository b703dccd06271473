package io.newswatch.model.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
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
 * A small HTTP server for operators: {@code GET /metrics} in the Prometheus text format (JVM memory, GC, threads,
 * classes, process CPU, uptime, file descriptors, the Kafka clients' own meters and the worker's), {@code GET /health}
 * (alive) and {@code GET /ready} (doing its job) as JSON ({@code 200} when up, {@code 503} when not). Every worker has one when {@code ops.port} is set; the registry is
 * where the worker's own meters go.
 */
public final class OpsServer implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;

    private final List<AutoCloseable> binders = new ArrayList<>();

    /** @param port 0 for any free port */
    public OpsServer(String worker, String host, int port, Supplier<Health> health) {
        this(worker, host, port, health, health);
    }

    /**
     * @param health is the worker alive (a supervisor restarts it when not)
     * @param ready  is it doing its job: assigned its partitions and running (a load balancer or an operator's
     *               rollout waits for it)
     */
    public OpsServer(String worker, String host, int port, Supplier<Health> health, Supplier<Health> ready) {
        registry.config().commonTags("worker", worker);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ops port " + host + ":" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape()));
        server.createContext("/health", ex -> sendHealth(ex, worker, health));
        server.createContext("/ready", ex -> sendHealth(ex, worker, ready));
        server.setExecutor(null);
        server.start();
    }

    private static void sendHealth(HttpExchange ex, String worker, Supplier<Health> check) throws IOException {
        Health h;
        try {
            h = check.get();
        } catch (RuntimeException e) {
            h = Health.down(Map.of("error", e.toString()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", h.up() ? "UP" : "DOWN");
        body.put("worker", worker);
        body.putAll(h.details());
        send(ex, h.up() ? 200 : 503, "application/json", Json.write(body));
    }

    /**
     * Kafka clients report per-topic meters twice, once with the topic's name and once with its dots made
     * underscores (for JMX); only the first is kept, so each series appears once.
     */
    public void dedupeTopicTags(java.util.Collection<String> topicNames) {
        java.util.Set<String> underscored = new java.util.HashSet<>();
        for (String name : topicNames) {
            if (name.contains(".")) {
                underscored.add(name.replace('.', '_'));
            }
        }
        registry.config().meterFilter(MeterFilter.deny(id -> {
            String topic = id.getTag("topic");
            return topic != null && underscored.contains(topic);
        }));
    }

    /** Binds a Kafka producer's or consumer's own metrics (for a consumer: lag per partition, fetch rates). */
    public void bindKafkaClient(Object client) {
        KafkaClientMetrics metrics;
        if (client instanceof org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
            metrics = new KafkaClientMetrics(consumer);
        } else if (client instanceof org.apache.kafka.clients.producer.Producer<?, ?> producer) {
            metrics = new KafkaClientMetrics(producer);
        } else {
            throw new IllegalArgumentException("not a Kafka client: " + client);
        }
        metrics.bindTo(registry);
        binders.add(metrics);
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
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                // closing meters must not stop a worker from closing
            }
        }
        registry.close();
    }
}
