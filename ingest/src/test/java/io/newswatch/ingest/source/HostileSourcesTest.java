package io.newswatch.ingest.source;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.IngestWorker;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest worker whose one source is hostile (its page trickles a byte at a time for ever) goes on polling its
 * other sources, reports the stuck source as unhealthy, and stops promptly, dropping the hostile connection.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileSourcesTest {
    private static EmbeddedKafka kafka;
    private static HttpServer server;
    private static final AtomicBoolean stopping = new AtomicBoolean();
    private static final CountDownLatch tricklingStarted = new CountDownLatch(1);
    private static final CountDownLatch tricklingDropped = new CountDownLatch(1);

    @BeforeAll
    static void start() throws IOException {
        kafka = EmbeddedKafka.start();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/robots.txt", ex -> send(ex, "text/plain", "User-agent: *\nAllow: /\n"));
        server.createContext("/feed/slow", ex -> send(ex, "application/rss+xml", feed("/page/slow")));
        server.createContext("/feed/quick", ex -> send(ex, "application/rss+xml", feed("/page/quick")));
        server.createContext("/page/quick", ex -> send(ex, "text/html", "<html><body><article><p>Guards on the "
                + "southern border fought off an armed group overnight, the border service said on Tuesday.</p>"
                + "</article></body></html>"));
        server.createContext("/page/slow", HostileSourcesTest::trickle);
        server.start();
    }

    @AfterAll
    static void stop() {
        stopping.set(true);
        server.stop(0);
        kafka.close();
    }

    private static String feed(String link) {
        return "<rss version=\"2.0\"><channel><title>Feed</title><item><title>Report</title><link>" + link
                + "</link></item></channel></rss>";
    }

    private static void send(HttpExchange ex, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Headers at once, then a byte every 200 ms for as long as the client reads (a slow host, not a test wait). */
    private static void trickle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(200, 0);
        tricklingStarted.countDown();
        try (OutputStream out = ex.getResponseBody()) {
            while (!stopping.get()) {
                out.write(' ');
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException dropped) {
            tricklingDropped.countDown();
        }
    }

    @Test
    void aTricklingSourceIsReportedStuckWhileTheOthersArePolledAndStoppingDropsIt(@TempDir Path dir)
            throws Exception {
        int port = server.getAddress().getPort();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        // Two host names for the one loopback server, so the two sources are two hosts to the politeness gate.
        Path sources = dir.resolve("sources.yaml");
        Files.writeString(sources, "sources:\n"
                + "  - id: slow-" + unique + "\n    kind: feed\n    url: http://localhost:" + port + "/feed/slow\n"
                + "  - id: quick-" + unique + "\n    kind: feed\n    url: http://127.0.0.1:" + port + "/feed/quick\n");
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        for (String topic : new String[] {"raw", "dlq", "sources", "ingest.shards"}) {
            settings.put("topic." + topic, topic + "-" + unique);
        }
        settings.put(IngestConfig.SOURCES_FILE, sources.toString());
        settings.put(IngestConfig.GROUP_ID, "ingest-" + unique);
        settings.put(IngestConfig.FETCH_PRIVATE_HOSTS, "127.0.0.1:" + port + ",localhost:" + port);
        settings.put(IngestConfig.FETCH_MIN_DELAY, "PT0S");
        settings.put(IngestConfig.FETCH_TIMEOUT, "PT10M");
        settings.put(IngestConfig.POLL_DEADLINE, "PT1S");
        settings.put(IngestConfig.OPS_PORT, "0");
        settings.put(IngestConfig.OPS_HOST, "127.0.0.1");
        IngestWorker worker = new IngestWorker(new IngestConfig(settings), Clock.systemUTC());
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                worker.pollSources();
                return worker.stats().produced() == 1 && tricklingStarted.getCount() == 0;
            });
            assertEquals(0, worker.sourceHealth().get("quick-" + unique).consecutiveFailures());

            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + worker.opsPort() + "/health");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"slow-" + unique + "\":\"stuck: polling for"), answer.body());
            });
        } finally {
            worker.close();
        }
        assertTrue(tricklingDropped.await(30, TimeUnit.SECONDS), "closing the worker dropped the hostile connection");
        assertTrue(worker.awaitSourcePolls(Duration.ofSeconds(1)), "no poll runs after close");
    }
}
