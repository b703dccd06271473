package io.newswatch.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One politeness budget per host, shared by feed polls and page fetches of every polling thread: when the next
 * request to a host may go, and never two at once. After a request the host waits at least the minimum delay (or
 * its robots.txt crawl-delay, if longer); a 429 or 503 makes it wait what {@code Retry-After} says, or an exponential
 * back-off capped at {@code maxBackoff}. Time comes from an injected clock, so tests move it instead of waiting.
 * Thread-safe.
 */
public final class HostGate {
    /** How soon to ask again when the host is busy with another thread's request. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration minDelay;
    private final Duration maxBackoff;
    private final Map<String, Instant> nextAllowed = new HashMap<>();
    private final Map<String, Duration> crawlDelay = new HashMap<>();
    private final Map<String, Integer> refusals = new HashMap<>();
    private final Set<String> busy = new HashSet<>();

    public HostGate(Clock clock, Duration minDelay, Duration maxBackoff) {
        this.clock = clock;
        this.minDelay = minDelay;
        this.maxBackoff = maxBackoff;
    }

    /** How long to wait before the next request to {@code host}; zero when it may go now. */
    public synchronized Duration waitFor(String host) {
        if (busy.contains(host)) {
            return BUSY_RETRY;
        }
        Instant next = nextAllowed.get(host);
        Instant now = clock.instant();
        return next == null || !next.isAfter(now) ? Duration.ZERO : Duration.between(now, next);
    }

    /**
     * Takes the host for one request when it may be asked now (zero returned); else how long to wait. A taken host
     * must be given back with {@link #sent}, {@link #refused} or {@link #release}.
     */
    public synchronized Duration acquire(String host) {
        Duration wait = waitFor(host);
        if (wait.isZero()) {
            busy.add(host);
        }
        return wait;
    }

    /** Gives the host back without a request having been answered (the request was never sent). */
    public synchronized void release(String host) {
        busy.remove(host);
    }

    /** Robots.txt asked for this delay between requests. */
    public synchronized void crawlDelay(String host, Duration delay) {
        crawlDelay.put(host, delay);
    }

    /** A request was sent now and answered (or failed): the host waits its delay before the next. */
    public synchronized void sent(String host) {
        busy.remove(host);
        refusals.remove(host);
        Duration delay = crawlDelay.getOrDefault(host, Duration.ZERO);
        nextAllowed.put(host, clock.instant().plus(delay.compareTo(minDelay) > 0 ? delay : minDelay));
    }

    /**
     * The host refused for now (429, 503): wait {@code retryAfter} when it said so, else back off exponentially.
     *
     * @return the wait imposed
     */
    public synchronized Duration refused(String host, Duration retryAfter) {
        busy.remove(host);
        int n = refusals.merge(host, 1, Integer::sum);
        Duration backoff = minDelay.multipliedBy(1L << Math.min(n, 20));
        Duration wait = retryAfter != null ? retryAfter : backoff;
        if (wait.compareTo(maxBackoff) > 0) {
            wait = maxBackoff;
        }
        nextAllowed.put(host, clock.instant().plus(wait));
        return wait;
    }
}
