package io.newswatch.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.ingest.assemble.ArticleAssembler;
import io.newswatch.ingest.assemble.ArticleInput;
import io.newswatch.ingest.clean.Hints;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on loopback, serving what each test needs; time moves by hand. */
class PageFetcherTest {
    private static final String PAGE = "<html><body><article><p>Guards on the southern border fought off an armed "
            + "group overnight, the border service said.</p></article></body></html>";

    private HttpServer server;
    private String base;
    private final TestClock clock = new TestClock(Instant.parse("2026-03-10T08:00:00Z"));
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private PageFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/robots.txt", ex -> send(ex, 200, "text/plain",
                "User-agent: *\nDisallow: /private/\nCrawl-delay: 5\n".getBytes(StandardCharsets.UTF_8)));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        fetcher = new PageFetcher(FetchPolicy.defaults().allowingPrivateHost("127.0.0.1").withMaxBytes(1024 * 1024), clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders()
                    .getFirst("User-Agent"));
            handler.handle(ex);
        });
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void answersAnUnchangedPageWithOne304AndNoBody() {
        serve("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                send(ex, 304, null, new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"v1\"");
                send(ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
            }
        });
        assertEquals(FetchResult.Outcome.FETCHED, fetcher.fetch(base + "/feed").outcome());
        clock.advance(Duration.ofMinutes(5));
        FetchResult again = fetcher.fetch(base + "/feed");
        assertEquals(FetchResult.Outcome.NOT_MODIFIED, again.outcome());
        assertNull(again.body());
        assertEquals(2, requests.size());
        assertTrue(requests.get(0).endsWith(FetchPolicy.USER_AGENT), "a clear User-Agent: " + requests.get(0));
    }

    @Test
    void waitsWhatRetryAfterSaysOn429AndWhatCrawlDelaySaysOtherwise() {
        AtomicInteger calls = new AtomicInteger();
        serve("/busy", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "120");
                send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
            } else {
                send(ex, 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
            }
        });
        FetchResult refused = fetcher.fetch(base + "/busy");
        assertEquals(FetchResult.Outcome.WAIT, refused.outcome());
        assertEquals(Duration.ofSeconds(120), refused.retryIn());
        clock.advance(Duration.ofSeconds(119));
        assertEquals(FetchResult.Outcome.WAIT, fetcher.fetch(base + "/busy").outcome(), "not a second early");
        assertEquals(1, calls.get(), "a waiting host is not asked");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(FetchResult.Outcome.FETCHED, fetcher.fetch(base + "/busy").outcome());
        FetchResult tooSoon = fetcher.fetch(base + "/busy");
        assertEquals(Duration.ofSeconds(5), tooSoon.retryIn(), "robots.txt crawl-delay beats the 2 s default");
    }

    @Test
    void honoursRobotsTxt() {
        serve("/private/page", ex -> send(ex, 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8)));
        assertEquals(FetchResult.Outcome.DISALLOWED, fetcher.fetch(base + "/private/page").outcome());
        assertTrue(requests.isEmpty());
    }

    @Test
    void rejectsARedirectLoop() {
        serve("/a", ex -> {
            ex.getResponseHeaders().set("Location", "/b");
            send(ex, 302, null, new byte[0]);
        });
        serve("/b", ex -> {
            ex.getResponseHeaders().set("Location", "/a");
            send(ex, 301, null, new byte[0]);
        });
        FetchResult result = fetcher.fetch(base + "/a");
        assertEquals(FetchResult.Outcome.REJECTED, result.outcome());
        assertTrue(result.reason().contains("redirect loop"), result.reason());
        assertEquals(2, requests.size());
    }

    @Test
    void rejectsA50MegabytePageWithoutReadingIt() {
        serve("/huge", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to go by
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 50 * 16; i++) {
                    out.write(chunk);
                }
            } catch (IOException closedByTheFetcher) {
                // the fetcher stopped reading at its cap and closed the connection: that is the point
            }
        });
        FetchResult result = fetcher.fetch(base + "/huge");
        assertEquals(FetchResult.Outcome.REJECTED, result.outcome());
        assertTrue(result.reason().startsWith("too large"), result.reason());
    }

    @Test
    void fetchesAWindows1251PageWithoutACharsetHeaderAndReadsItsCyrillic() {
        String html = "<html><body><article><p>Пограничники Таджикистана задержали группу нарушителей на участке "
                + "реки Пяндж, сообщило ведомство во вторник.</p></article></body></html>";
        serve("/ru", ex -> send(ex, 200, "text/html", html.getBytes(Charset.forName("windows-1251"))));
        FetchResult result = fetcher.fetch(base + "/ru");
        assertTrue(new ArticleAssembler(ArticleAssembler.Limits.defaults(), clock).assemble(ArticleInput.ofBytes(
                result.url(), result.url(), result.contentType(), result.body(), Hints.NONE, "test")).article().body()
                .contains("реки Пяндж"));
    }

    @Test
    void refusesPrivateAddressesByDefaultAlsoWhenRedirectedThere() {
        PageFetcher strict = new PageFetcher(FetchPolicy.defaults(), clock);
        FetchResult direct = strict.fetch(base + "/anything");
        assertEquals(FetchResult.Outcome.REJECTED, direct.outcome());
        assertTrue(direct.reason().contains("private address"), direct.reason());
        assertEquals(FetchResult.Outcome.REJECTED, strict.fetch("http://169.254.169.254/latest/meta-data/").outcome());
        assertEquals(FetchResult.Outcome.REJECTED, strict.fetch("file:///etc/passwd").outcome());

        serve("/to-metadata", ex -> {
            ex.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            send(ex, 302, null, new byte[0]);
        });
        FetchResult redirected = fetcher.fetch(base + "/to-metadata");
        assertEquals(FetchResult.Outcome.REJECTED, redirected.outcome(), "refused before any connection is made");
        assertTrue(redirected.reason().startsWith("redirect refused"), redirected.reason());
        assertNull(redirected.body());
    }
}
