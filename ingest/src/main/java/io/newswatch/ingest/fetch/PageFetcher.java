package io.newswatch.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches pages and feeds politely and within bounds. It never sleeps: when a host's budget says "not yet" (or
 * another thread is talking to it) the answer is {@code WAIT} with the time left, and the caller schedules the fetch
 * again. Every request, robots.txt included, has one deadline for connecting, headers and body, and a size cap on
 * the body that holds after decompression too; a page that trickles or never ends is given up at the deadline, not
 * read for ever. Redirects are followed by hand so that each hop is checked against private addresses and loops;
 * ETag and Last-Modified are remembered per URL so an unchanged feed costs one 304. Thread-safe.
 */
public final class PageFetcher {
    private static final SimpleRobotRulesParser ROBOTS = new SimpleRobotRulesParser();
    private static final Duration ROBOTS_KEPT = Duration.ofHours(24);
    private static final Duration ROBOTS_FAILURE_KEPT = Duration.ofMinutes(10);

    private final FetchPolicy policy;
    private final Clock clock;
    private final HttpClient client;
    private final HostGate gate;
    private final AddressGuard guard;
    private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();

    private record Validators(String etag, String lastModified) {
    }

    private record CachedRobots(BaseRobotRules rules, Instant expires) {
    }

    /** A response read within the deadline and the cap, or why not. */
    private record Answer(HttpResponse<BoundedBody.Body> response, String failure) {
    }

    public PageFetcher(FetchPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.timeout()).build();
        this.gate = new HostGate(clock, policy.minDelay(), policy.maxBackoff());
        this.guard = new AddressGuard(policy.privateHosts());
    }

    public HostGate gate() {
        return gate;
    }

    public FetchResult fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return FetchResult.of(FetchResult.Outcome.REJECTED, url, 0, "not a URL: " + url);
        }
        String refusal = guard.refusal(uri);
        if (refusal != null) {
            return FetchResult.of(FetchResult.Outcome.REJECTED, url, 0, refusal);
        }
        String host = hostKey(uri);
        Duration wait = gate.acquire(host);
        if (!wait.isZero()) {
            return new FetchResult(FetchResult.Outcome.WAIT, url, 0, null, null, "politeness delay for " + host, wait);
        }
        boolean released = false;
        try {
            CachedRobots cached = robots.get(host);
            if (cached == null || !clock.instant().isBefore(cached.expires())) {
                BaseRobotRules fresh = robotsOf(uri);
                cached = new CachedRobots(fresh, clock.instant().plus(fresh.isDeferVisits() ? ROBOTS_FAILURE_KEPT
                        : ROBOTS_KEPT));
                robots.put(host, cached);
            }
            BaseRobotRules rules = cached.rules();
            if (rules.isDeferVisits()) {
                return new FetchResult(FetchResult.Outcome.WAIT, url, 0, null, null,
                        "robots.txt of " + host + " cannot be read; trying again later", ROBOTS_FAILURE_KEPT);
            }
            if (!rules.isAllowed(uri.toString())) {
                return FetchResult.of(FetchResult.Outcome.DISALLOWED, url, 0, "robots.txt of " + host + " disallows it");
            }
            if (rules.getCrawlDelay() > 0 && rules.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY) {
                gate.crawlDelay(host, Duration.ofMillis(rules.getCrawlDelay()));
            }
            FetchResult result = follow(uri, host);
            released = result.outcome() == FetchResult.Outcome.WAIT && result.status() >= 429;
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.of(FetchResult.Outcome.FAILED, url, 0, "interrupted (the worker is stopping)");
        } finally {
            if (!released) {
                gate.sent(host);
            }
        }
    }

    private FetchResult follow(URI start, String host) throws InterruptedException {
        Set<URI> seen = new HashSet<>();
        URI uri = start;
        for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
            if (!seen.add(uri)) {
                return FetchResult.of(FetchResult.Outcome.REJECTED, start.toString(), 0, "redirect loop at " + uri);
            }
            Answer answer = get(request(uri, true), policy.maxBytes());
            if (answer.failure() != null) {
                return FetchResult.of(FetchResult.Outcome.FAILED, uri.toString(), 0, answer.failure());
            }
            HttpResponse<BoundedBody.Body> response = answer.response();
            int status = response.statusCode();
            if (status == 429 || status == 503) {
                Duration wait = gate.refused(host, retryAfter(response));
                return new FetchResult(FetchResult.Outcome.WAIT, uri.toString(), status, null, null,
                        "host asked us to slow down (" + status + ")", wait);
            }
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                URI next;
                try {
                    next = uri.resolve(response.headers().firstValue("Location").get().strip());
                } catch (IllegalArgumentException e) {
                    return FetchResult.of(FetchResult.Outcome.REJECTED, start.toString(), status,
                            "redirect to a malformed location");
                }
                String refusal = guard.refusal(next);
                if (refusal != null) {
                    return FetchResult.of(FetchResult.Outcome.REJECTED, start.toString(), status,
                            "redirect refused: " + refusal);
                }
                uri = next;
                continue;
            }
            if (status == 304) {
                return FetchResult.of(FetchResult.Outcome.NOT_MODIFIED, uri.toString(), status, "not modified");
            }
            if (status < 200 || status >= 300) {
                return FetchResult.of(FetchResult.Outcome.FAILED, uri.toString(), status, "HTTP " + status);
            }
            return body(start, uri, response);
        }
        return FetchResult.of(FetchResult.Outcome.REJECTED, start.toString(), 0,
                "more than " + policy.maxRedirects() + " redirects");
    }

    private FetchResult body(URI start, URI uri, HttpResponse<BoundedBody.Body> response) {
        BoundedBody.Body body = response.body();
        String type = response.headers().firstValue("Content-Type").orElse(null);
        if (body.overCap()) {
            return FetchResult.of(FetchResult.Outcome.REJECTED, uri.toString(), response.statusCode(),
                    "too large: over the limit of " + policy.maxBytes() + " bytes");
        }
        if (body.overTime()) {
            return FetchResult.of(FetchResult.Outcome.FAILED, uri.toString(), response.statusCode(),
                    "the body did not arrive within " + policy.timeout().toSeconds() + " s");
        }
        byte[] bytes;
        try {
            bytes = decode(body.bytes(), response.headers().firstValue("Content-Encoding").orElse(""),
                    policy.maxBytes(), false);
        } catch (IOException e) {
            return FetchResult.of(FetchResult.Outcome.REJECTED, uri.toString(), response.statusCode(),
                    "cannot decode the body: " + e.getMessage());
        }
        if (bytes == null) {
            return FetchResult.of(FetchResult.Outcome.REJECTED, uri.toString(), response.statusCode(),
                    "too large: over the limit of " + policy.maxBytes() + " bytes once decompressed");
        }
        validators.put(start.toString(), new Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null)));
        return new FetchResult(FetchResult.Outcome.FETCHED, uri.toString(), response.statusCode(), type, bytes,
                null, null);
    }

    /**
     * The body as sent before the server compressed it, at most {@code cap} bytes: when it unpacks to more, null,
     * or with {@code truncate} its first {@code cap} bytes.
     */
    private static byte[] decode(byte[] bytes, String encoding, long cap, boolean truncate) throws IOException {
        String e = encoding.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return bytes;
        }
        InputStream unpacked = switch (e) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(bytes));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(bytes));
            default -> throw new IOException("unsupported content encoding " + e);
        };
        try (InputStream in = unpacked) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (out.length <= cap) {
                return out;
            }
            return truncate ? java.util.Arrays.copyOf(out, (int) cap) : null;
        } catch (java.io.EOFException cut) {
            if (truncate) {
                return new byte[0]; // a compressed robots.txt cut at the cap: read as empty, which allows all
            }
            throw cut;
        }
    }

    /**
     * Sends the request and reads the answer within the policy's deadline: the wait for it is bounded here, and the
     * body stops being read at the deadline or the cap. An interrupt (the worker stopping) cancels the request.
     */
    private Answer get(HttpRequest request, long cap) throws InterruptedException {
        long deadline = System.nanoTime() + policy.timeout().toNanos();
        CompletableFuture<HttpResponse<BoundedBody.Body>> future =
                client.sendAsync(request, BoundedBody.handler(cap, deadline));
        try {
            return new Answer(future.get(policy.timeout().toNanos() + TimeUnit.MILLISECONDS.toNanos(100),
                    TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Answer(null, "no complete answer within " + policy.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                return new Answer(null, "no complete answer within " + policy.timeout().toSeconds() + " s");
            }
            return new Answer(null, "request failed: " + e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private HttpRequest request(URI uri, boolean conditional) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(policy.timeout())
                .header("User-Agent", policy.userAgent())
                .header("Accept-Encoding", "gzip, deflate")
                .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                        + "application/xml;q=0.9,*/*;q=0.5");
        Validators v = conditional ? validators.get(uri.toString()) : null;
        if (v != null && v.etag() != null) {
            b.header("If-None-Match", v.etag());
        }
        if (v != null && v.lastModified() != null) {
            b.header("If-Modified-Since", v.lastModified());
        }
        return b.build();
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    private Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    /**
     * robots.txt of a host, of which only the first {@code robotsMaxBytes} are read (search engines ignore the rest
     * too): missing (4xx) allows all, unreachable (5xx, network, too slow) defers the host, as Google does.
     */
    private BaseRobotRules robotsOf(URI page) throws InterruptedException {
        URI robotsUri = page.resolve("/robots.txt");
        Answer answer = get(request(robotsUri, false), policy.robotsMaxBytes());
        if (answer.failure() != null || answer.response().body().overTime()) {
            return ROBOTS.failedFetch(500);
        }
        HttpResponse<BoundedBody.Body> r = answer.response();
        if (r.statusCode() >= 200 && r.statusCode() < 300) {
            byte[] raw = r.body().bytes();
            byte[] content;
            try {
                content = decode(java.util.Arrays.copyOf(raw, (int) Math.min(raw.length, policy.robotsMaxBytes())),
                        r.headers().firstValue("Content-Encoding").orElse(""), policy.robotsMaxBytes(), true);
            } catch (IOException e) {
                return ROBOTS.failedFetch(500);
            }
            return ROBOTS.parseContent(robotsUri.toString(), content, r.headers().firstValue("Content-Type")
                    .orElse("text/plain"), List.of("newswatch"));
        }
        return ROBOTS.failedFetch(r.statusCode());
    }

    private static String hostKey(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
