package io.newswatch.ingest.fetch;

import java.time.Duration;

/**
 * How the fetcher behaves.
 *
 * @param minDelay       least time between two requests to one host (robots.txt crawl-delay may ask for more)
 * @param maxBytes       largest response body read; a bigger page is rejected without reading the rest
 * @param privateHosts   hosts that may be fetched although they are private or loopback (a test's own server);
 *                       empty in production
 */
public record FetchPolicy(String userAgent, Duration timeout, long maxBytes, int maxRedirects, Duration minDelay,
                          Duration maxBackoff, java.util.Set<String> privateHosts) {
    public static final String USER_AGENT = "Newswatch/0.1 (+https://github.com/newswatch/newswatch; news monitoring)";

    public static FetchPolicy defaults() {
        return new FetchPolicy(USER_AGENT, Duration.ofSeconds(20), 10L * 1024 * 1024, 5, Duration.ofSeconds(2),
                Duration.ofHours(1), java.util.Set.of());
    }

    /** This policy, also allowing one private host (turned on explicitly, by tests, for their loopback server). */
    public FetchPolicy allowingPrivateHost(String host) {
        java.util.Set<String> hosts = new java.util.HashSet<>(privateHosts);
        hosts.add(host);
        return new FetchPolicy(userAgent, timeout, maxBytes, maxRedirects, minDelay, maxBackoff, java.util.Set.copyOf(hosts));
    }

    public FetchPolicy withMinDelay(Duration delay) {
        return new FetchPolicy(userAgent, timeout, maxBytes, maxRedirects, delay, maxBackoff, privateHosts);
    }

    public FetchPolicy withMaxBytes(long bytes) {
        return new FetchPolicy(userAgent, timeout, bytes, maxRedirects, minDelay, maxBackoff, privateHosts);
    }
}
