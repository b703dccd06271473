package io.newswatch.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fetcher against a loopback server that behaves as the worst of the open web: pages and robots.txt that
 * trickle a byte at a time, a robots.txt of endless size, bodies compressed without being asked. Every request ends
 * within its deadline and its size cap. (The server's pauses stand for a slow host; the test waits on nothing.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileServerTest {
    private static final String PAGE = "<html><body><article><p>Guards on the southern border fought off an armed "
            + "group overnight, the border service said.</p></article></body></html>";
    private static final Duration DEADLINE = Duration.ofSeconds(1);

    private HttpServer server;
    private String base;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final TestClock clock = new TestClock(Instant.parse("2026-03-10T08:00:00Z"));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        stop.set(true);
        server.stop(0);
    }

    private PageFetcher fetcher(FetchPolicy policy) {
        return new PageFetcher(policy.allowingPrivateHost("127.0.0.1").withMinDelay(Duration.ZERO), clock);
    }

    private PageFetcher fetcher() {
        return fetcher(FetchPolicy.defaults().withTimeout(DEADLINE));
    }

    private void robotsAllowAll() {
        server.createContext("/robots.txt", ex -> send(ex, "text/plain", "User-agent: *\nAllow: /\n".getBytes(
                StandardCharsets.UTF_8)));
    }

    /** Sends headers at once, then one byte every {@code pauseMs} until the client goes away or the test ends. */
    private void trickle(HttpExchange ex, String type, long pauseMs) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            while (!stop.get()) {
                out.write('a');
                out.flush();
                Thread.sleep(pauseMs);
            }
        } catch (IOException | InterruptedException gone) {
            // the fetcher gave up on us: that is the point
        }
    }

    private static void send(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void aPageThatTricklesIsGivenUpAtTheDeadline() {
        robotsAllowAll();
        server.createContext("/slow", ex -> trickle(ex, "text/html", 200));
        FetchResult result = fetcher().fetch(base + "/slow");
        assertEquals(FetchResult.Outcome.FAILED, result.outcome());
        assertTrue(result.reason().contains("within 1 s"), result.reason());
    }

    @Test
    void aHostThatNeverAnswersIsGivenUpAtTheDeadline() {
        robotsAllowAll();
        server.createContext("/silent", ex -> {
            while (!stop.get()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        FetchResult result = fetcher().fetch(base + "/silent");
        assertEquals(FetchResult.Outcome.FAILED, result.outcome());
        assertTrue(result.reason().contains("no complete answer"), result.reason());
    }

    @Test
    void aTricklingRobotsTxtDefersTheHostInsteadOfBlockingTheWorker() {
        server.createContext("/robots.txt", ex -> trickle(ex, "text/plain", 200));
        server.createContext("/page", ex -> send(ex, "text/html", PAGE.getBytes(StandardCharsets.UTF_8)));
        FetchResult result = fetcher().fetch(base + "/page");
        assertEquals(FetchResult.Outcome.WAIT, result.outcome(), result.reason());
        assertTrue(result.reason().contains("robots.txt"), result.reason());
    }

    @Test
    void anEndlessRobotsTxtIsReadOnlyUpToItsCap() {
        server.createContext("/robots.txt", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, 0);
            byte[] rule = "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
                while (!stop.get()) {
                    out.write(rule);
                }
            } catch (IOException gone) {
                // the fetcher stopped reading at its cap
            }
        });
        server.createContext("/open", ex -> send(ex, "text/html", PAGE.getBytes(StandardCharsets.UTF_8)));
        PageFetcher fetcher = fetcher(FetchPolicy.defaults().withTimeout(Duration.ofSeconds(10)));
        assertEquals(FetchResult.Outcome.DISALLOWED, fetcher.fetch(base + "/private/x").outcome(),
                "the rules in the part read still apply");
        assertEquals(FetchResult.Outcome.FETCHED, fetcher.fetch(base + "/open").outcome());
    }

    @Test
    void aGzipBodyIsUnpackedWhetherOrNotTheServerSaysSo() throws IOException {
        robotsAllowAll();
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        server.createContext("/gz", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, "text/html", packed.toByteArray());
        });
        FetchResult result = fetcher().fetch(base + "/gz");
        assertEquals(FetchResult.Outcome.FETCHED, result.outcome(), result.reason());
        assertArrayEquals(PAGE.getBytes(StandardCharsets.UTF_8), result.body());
    }

    @Test
    void aCompressedBodyThatUnpacksPastTheCapIsRefused() throws IOException {
        robotsAllowAll();
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write(new byte[4 * 1024 * 1024]);
        }
        server.createContext("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            send(ex, "text/html", packed.toByteArray());
        });
        FetchResult result = fetcher(FetchPolicy.defaults().withMaxBytes(1024 * 1024)).fetch(base + "/bomb");
        assertEquals(FetchResult.Outcome.REJECTED, result.outcome());
        assertTrue(result.reason().contains("once decompressed"), result.reason());
        assertNull(result.body());
    }

    @Test
    void aPrivateHostAllowedWithAPortIsAllowedOnlyOnThatPort() {
        AddressGuard guard = new AddressGuard(java.util.Set.of("127.0.0.1:" + server.getAddress().getPort()));
        assertNull(guard.refusal(java.net.URI.create(base + "/x")));
        assertTrue(guard.refusal(java.net.URI.create("http://127.0.0.1:1/x")).contains("private address"));
    }

    @Test
    void oneHostGetsOneRequestAtATime() {
        HostGate gate = new HostGate(clock, Duration.ZERO, Duration.ofMinutes(1));
        assertEquals(Duration.ZERO, gate.acquire("a.test"));
        assertEquals(HostGate.BUSY_RETRY, gate.acquire("a.test"), "another thread is talking to it");
        assertEquals(Duration.ZERO, gate.acquire("b.test"), "other hosts are not held up");
        gate.sent("a.test");
        assertEquals(Duration.ZERO, gate.acquire("a.test"));
    }
}
