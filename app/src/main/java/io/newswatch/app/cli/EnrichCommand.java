package io.newswatch.app.cli;

import io.newswatch.enrich.EnrichConfig;
import io.newswatch.enrich.EnrichWorker;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrich Kafka Streams application (exactly-once) until stopped (SIGTERM). Start more "
                + "instances with the same enrich.application.id to share the work.")
public final class EnrichCommand implements Callable<Integer> {
    @Mixin
    WorkerOptions options;

    @Override
    public Integer call() throws Exception {
        EnrichConfig config = new EnrichConfig(options.values(Map.of()));
        CountDownLatch stop = new CountDownLatch(1);
        try (EnrichWorker worker = new EnrichWorker(config)) {
            Shutdown shutdown = Shutdown.onSignal(stop::countDown);
            try {
                worker.start();
                System.out.println("enrich: running against " + config.bootstrapServers() + "; stop with SIGTERM");
                stop.await();
            } finally {
                worker.close();
                System.out.println("enrich: stopped (transaction committed, group left)");
                shutdown.done();
            }
        }
        return 0;
    }
}
