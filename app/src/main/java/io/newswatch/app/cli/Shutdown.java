package io.newswatch.app.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Clean shutdown on SIGTERM or Ctrl-C: the hook asks the worker to stop, then waits until the command's main
 * thread has closed it, so offsets and transactions are committed before the JVM exits.
 */
public final class Shutdown {
    private final CountDownLatch closed = new CountDownLatch(1);

    public static Shutdown onSignal(Runnable stop) {
        Shutdown shutdown = new Shutdown();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            try {
                shutdown.closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newswatch-shutdown"));
        return shutdown;
    }

    /** Call when the worker is closed. */
    public void done() {
        closed.countDown();
    }
}
