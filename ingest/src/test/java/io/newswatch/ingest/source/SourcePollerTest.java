package io.newswatch.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.newswatch.ingest.assemble.ArticleAssembler;
import io.newswatch.ingest.assemble.Assembled;
import io.newswatch.ingest.fetch.FetchPolicy;
import io.newswatch.ingest.fetch.PageFetcher;
import io.newswatch.ingest.fetch.TestClock;
import io.newswatch.model.RawArticle;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polling one source against a loopback server, with time moved by hand. */
class SourcePollerTest {
    private HttpServer server;
    private String base;
    private final TestClock clock = new TestClock(Instant.parse("2026-03-10T08:00:00Z"));
    private final AtomicInteger feedStatus = new AtomicInteger(200);
    private final AtomicInteger feedRequests = new AtomicInteger();
    private SourcePoller poller;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed", ex -> {
            feedRequests.incrementAndGet();
            byte[] body = ("<rss version=\"2.0\"><channel><title>T</title>"
                    + "<item><title>Inside job</title><link>http://10.0.0.5/admin</link>"
                    + "<description>Summary of an item that links inside a private network.</description></item>"
                    + "<item><title>Raid</title><link>/a/1</link></item></channel></rss>")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(feedStatus.get(), feedStatus.get() == 200 ? body.length : -1);
            try (OutputStream out = ex.getResponseBody()) {
                if (feedStatus.get() == 200) {
                    out.write(body);
                }
            }
        });
        server.createContext("/a/", ex -> {
            byte[] body = "<html><body><p>Guards on the border fought off an armed group overnight, officials said."
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        poller = new SourcePoller(new PageFetcher(FetchPolicy.defaults().allowingPrivateHost("127.0.0.1")
                .withMinDelay(Duration.ZERO), clock), new ArticleAssembler(ArticleAssembler.Limits.defaults(), clock),
                clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static List<RawArticle> articles(List<Assembled> found) {
        assertTrue(found.stream().allMatch(Assembled::ok), found.toString());
        return found.stream().map(Assembled::article).toList();
    }

    private Source feed() {
        return new Source("wire", "feed", base + "/feed", Duration.ofMinutes(10), "en", List.of("region:test"));
    }

    @Test
    void fetchesNewItemsOnceAndNeverFollowsAFeedIntoAPrivateNetwork() {
        List<RawArticle> first = articles(poller.poll(feed()));
        assertEquals(2, first.size());
        RawArticle page = first.stream().filter(a -> a.title().equals("Raid")).findFirst().orElseThrow();
        assertTrue(page.body().startsWith("Guards on the border"), page.body());
        RawArticle summaryOnly = first.stream().filter(a -> a.title().equals("Inside job")).findFirst().orElseThrow();
        assertEquals("Summary of an item that links inside a private network.", summaryOnly.body(),
                "the private page is refused; the feed's own summary stands in");
        assertEquals(2, poller.health("wire").items());
        assertEquals(java.util.Map.of("rejected", 1L), poller.health("wire").rejections(), "counted by reason");

        clock.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), poller.pollIfDue(feed()), "items already seen are not fetched again");
        assertEquals(2, feedRequests.get());
    }

    @Test
    void backsOffASourceThatKeepsFailingAndRecovers() {
        feedStatus.set(500);
        assertEquals(List.of(), poller.poll(feed()));
        SourceHealth health = poller.health("wire");
        assertEquals(1, health.consecutiveFailures());
        assertEquals(clock.instant().plus(Duration.ofMinutes(20)), health.nextPoll(), "twice the interval");
        assertTrue(health.lastError().contains("500"), health.lastError());
        clock.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), poller.pollIfDue(feed()), "not due yet: no tight retry loop");
        assertEquals(1, feedRequests.get());
        clock.advance(Duration.ofMinutes(10));
        poller.pollIfDue(feed());
        assertEquals(2, health.consecutiveFailures());
        assertEquals(clock.instant().plus(Duration.ofMinutes(40)), health.nextPoll());

        feedStatus.set(200);
        clock.advance(Duration.ofMinutes(40));
        assertEquals(2, articles(poller.pollIfDue(feed())).size());
        assertEquals(0, health.consecutiveFailures());
        assertNull(health.lastError());
        assertEquals(clock.instant(), health.lastNewItem());
    }
}
