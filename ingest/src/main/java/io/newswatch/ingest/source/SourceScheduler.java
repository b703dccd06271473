package io.newswatch.ingest.source;

import io.newswatch.ingest.assemble.Assembled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the owned sources on a bounded pool of threads, each source by one thread at a time, so one slow or hostile
 * host holds up only its own source (the fetcher's per-host gate keeps requests to one host one at a time). What a
 * poll finds is handed to {@code found} on the polling thread. A poll still running past its deadline is reported
 * as stuck. {@link #close()} interrupts running polls, which cancels their requests, so a worker stops in seconds.
 */
public final class SourceScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceScheduler.class);

    private final SourcePoller poller;
    private final Clock clock;
    private final Duration deadline;
    private final Consumer<List<Assembled>> found;
    private final ExecutorService pool;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(Future<?> future, Instant started) {
    }

    public SourceScheduler(SourcePoller poller, int threads, Duration deadline, Clock clock,
                           Consumer<List<Assembled>> found) {
        this.poller = poller;
        this.clock = clock;
        this.deadline = deadline;
        this.found = found;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "newswatch-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, named);
    }

    /** Starts a poll of every owned source that has work and is not being polled already. */
    public void schedule(Collection<Source> owned) {
        running.values().removeIf(r -> r.future().isDone());
        for (Source source : owned) {
            if (running.containsKey(source.id()) || !poller.hasWork(source)) {
                continue;
            }
            Instant started = clock.instant();
            running.put(source.id(), new Running(pool.submit(() -> pollOne(source)), started));
        }
    }

    private void pollOne(Source source) {
        try {
            List<Assembled> results = poller.pollIfDue(source);
            if (!results.isEmpty()) {
                found.accept(results);
            }
        } catch (RuntimeException e) {
            LOG.error("polling source {} failed: {}", source.id(), e.toString());
        }
    }

    /** Sources whose poll has run past the deadline, with how long it has run. */
    public Map<String, Duration> stuck() {
        Instant now = clock.instant();
        Map<String, Duration> out = new TreeMap<>();
        running.forEach((id, r) -> {
            Duration ran = Duration.between(r.started(), now);
            if (!r.future().isDone() && ran.compareTo(deadline) > 0) {
                out.put(id, ran);
            }
        });
        return out;
    }

    /** Polls running now. */
    public int running() {
        return (int) running.values().stream().filter(r -> !r.future().isDone()).count();
    }

    /** Waits until no poll is running, at most {@code timeout}; true when none is. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (Running r : List.copyOf(running.values())) {
            long left = end - System.nanoTime();
            try {
                r.future().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                // reported by pollOne
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("{} source polls did not stop within 5 s", running());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
