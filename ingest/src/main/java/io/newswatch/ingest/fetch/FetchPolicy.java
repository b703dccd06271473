package io.newswatch.ingest.fetch;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * How the fetcher behaves.
 *
 * @param timeout        the whole of one request: connecting, headers and body; a slower answer is given up
 * @param maxBytes       largest response body read (after decompression); a bigger page is rejected without reading
 *                       the rest
 * @param robotsMaxBytes how much of a robots.txt is read; the rest is ignored, as search engines do
 * @param minDelay       least time between two requests to one host (robots.txt crawl-delay may ask for more)
 * @param privateHosts   hosts ({@code name} for any port, {@code name:port} for one) that may be fetched although
 *                       they are private or loopback (a test's own server); empty in production
 */
public record FetchPolicy(String userAgent, Duration timeout, long maxBytes, long robotsMaxBytes, int maxRedirects,
                          Duration minDelay, Duration maxBackoff, Set<String> privateHosts) {
    public static final String USER_AGENT = "Newswatch/0.1 (+https://github.com/newswatch/newswatch; news monitoring)";

    public static FetchPolicy defaults() {
        return new FetchPolicy(USER_AGENT, Duration.ofSeconds(20), 10L * 1024 * 1024, 500L * 1024, 5,
                Duration.ofSeconds(2), Duration.ofHours(1), Set.of());
    }

    /** This policy, also allowing one private host (turned on explicitly, by tests, for their loopback server). */
    public FetchPolicy allowingPrivateHost(String host) {
        Set<String> hosts = new HashSet<>(privateHosts);
        hosts.add(host);
        return new FetchPolicy(userAgent, timeout, maxBytes, robotsMaxBytes, maxRedirects, minDelay, maxBackoff,
                Set.copyOf(hosts));
    }

    public FetchPolicy withMinDelay(Duration delay) {
        return new FetchPolicy(userAgent, timeout, maxBytes, robotsMaxBytes, maxRedirects, delay, maxBackoff,
                privateHosts);
    }

    public FetchPolicy withMaxBytes(long bytes) {
        return new FetchPolicy(userAgent, timeout, bytes, robotsMaxBytes, maxRedirects, minDelay, maxBackoff,
                privateHosts);
    }

    public FetchPolicy withTimeout(Duration total) {
        return new FetchPolicy(userAgent, total, maxBytes, robotsMaxBytes, maxRedirects, minDelay, maxBackoff,
                privateHosts);
    }
}
