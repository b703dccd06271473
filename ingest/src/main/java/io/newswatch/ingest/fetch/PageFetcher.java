package io.newswatch.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches pages and feeds politely. It never sleeps: when a host's budget says "not yet" the answer is {@code WAIT}
 * with the time left, and the caller schedules the fetch again. Redirects are followed by hand so that each hop is
 * checked against private addresses and loops; bodies are read up to the size cap and no further; ETag and
 * Last-Modified are remembered per URL so an unchanged feed costs one 304.
 */
public final class PageFetcher {
    private static final SimpleRobotRulesParser ROBOTS = new SimpleRobotRulesParser();

    private final FetchPolicy policy;
    private final Clock clock;
    private final HttpClient client;
    private final HostGate gate;
    private final AddressGuard guard;
    private static final Duration ROBOTS_KEPT = Duration.ofHours(24);
    private static final Duration ROBOTS_FAILURE_KEPT = Duration.ofMinutes(10);
    private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();

    private record Validators(String etag, String lastModified) {
    }

    private record CachedRobots(BaseRobotRules rules, java.time.Instant expires) {
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
        Duration wait = gate.waitFor(host);
        if (!wait.isZero()) {
            return new FetchResult(FetchResult.Outcome.WAIT, url, 0, null, null, "politeness delay for " + host, wait);
        }
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
        try {
            return follow(uri, host);
        } catch (IOException e) {
            gate.sent(host);
            return FetchResult.of(FetchResult.Outcome.FAILED, url, 0, "request failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.of(FetchResult.Outcome.FAILED, url, 0, "interrupted");
        }
    }

    private FetchResult follow(URI start, String host) throws IOException, InterruptedException {
        Set<URI> seen = new HashSet<>();
        URI uri = start;
        for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
            if (!seen.add(uri)) {
                return FetchResult.of(FetchResult.Outcome.REJECTED, start.toString(), 0, "redirect loop at " + uri);
            }
            HttpResponse<InputStream> response = client.send(request(uri), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status == 429 || status == 503) {
                response.body().close();
                Duration wait = gate.refused(host, retryAfter(response));
                return new FetchResult(FetchResult.Outcome.WAIT, uri.toString(), status, null, null,
                        "host asked us to slow down (" + status + ")", wait);
            }
            gate.sent(host);
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                response.body().close();
                URI next = uri.resolve(response.headers().firstValue("Location").get().strip());
                String refusal = guard.refusal(next);
                if (refusal != null) {
                    return FetchResult.of(FetchResult.Outcome.REJECTED, start.toString(), status,
                            "redirect refused: " + refusal);
                }
                uri = next;
                continue;
            }
            if (status == 304) {
                response.body().close();
                return FetchResult.of(FetchResult.Outcome.NOT_MODIFIED, uri.toString(), status, "not modified");
            }
            if (status < 200 || status >= 300) {
                response.body().close();
                return FetchResult.of(FetchResult.Outcome.FAILED, uri.toString(), status, "HTTP " + status);
            }
            return body(start, uri, response);
        }
        return FetchResult.of(FetchResult.Outcome.REJECTED, start.toString(), 0,
                "more than " + policy.maxRedirects() + " redirects");
    }

    private FetchResult body(URI start, URI uri, HttpResponse<InputStream> response) throws IOException {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        String type = response.headers().firstValue("Content-Type").orElse(null);
        try (InputStream in = response.body()) {
            if (declared > policy.maxBytes()) {
                return FetchResult.of(FetchResult.Outcome.REJECTED, uri.toString(), response.statusCode(),
                        "too large: " + declared + " bytes, over the limit of " + policy.maxBytes());
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, policy.maxBytes() + 1));
            if (bytes.length > policy.maxBytes()) {
                return FetchResult.of(FetchResult.Outcome.REJECTED, uri.toString(), response.statusCode(),
                        "too large: over the limit of " + policy.maxBytes() + " bytes");
            }
            validators.put(start.toString(), new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null)));
            return new FetchResult(FetchResult.Outcome.FETCHED, uri.toString(), response.statusCode(), type, bytes,
                    null, null);
        }
    }

    private HttpRequest request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(policy.timeout())
                .header("User-Agent", policy.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                        + "application/xml;q=0.9,*/*;q=0.5");
        Validators v = validators.get(uri.toString());
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
            return Duration.ofSeconds(Long.parseLong(value.strip()));
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

    /** robots.txt of a host: missing (4xx) allows all, unreachable (5xx, network) defers the host, as Google does. */
    private BaseRobotRules robotsOf(URI page) {
        URI robotsUri = page.resolve("/robots.txt");
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(robotsUri).GET().timeout(policy.timeout())
                    .header("User-Agent", policy.userAgent()).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() >= 200 && r.statusCode() < 300) {
                return ROBOTS.parseContent(robotsUri.toString(), r.body(), r.headers().firstValue("Content-Type")
                        .orElse("text/plain"), List.of("newswatch"));
            }
            return ROBOTS.failedFetch(r.statusCode());
        } catch (IOException e) {
            return ROBOTS.failedFetch(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ROBOTS.failedFetch(500);
        }
    }

    private static String hostKey(URI uri) {
        return uri.getHost().toLowerCase() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
