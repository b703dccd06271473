package io.newswatch.app.cli;

import io.newswatch.sink.SinkConfig;
import io.newswatch.sink.SinkWorker;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Write alerts and aggregates to the database (sink.jdbc.url) until stopped (SIGTERM). "
                + "Instances with the same sink.group.id share the partitions.")
public final class SinkCommand implements Callable<Integer> {
    @Mixin
    WorkerOptions options;

    @Override
    public Integer call() throws Exception {
        SinkConfig config = new SinkConfig(options.values(Map.of()));
        SinkWorker worker = new SinkWorker(config);
        Shutdown shutdown = Shutdown.onSignal(worker::stop);
        try {
            System.out.println("sink: writing to " + config.jdbcUrl() + "; stop with SIGTERM");
            worker.run();
        } finally {
            worker.close();
            System.out.println("sink: stopped (last batch written and committed)");
            shutdown.done();
        }
        return 0;
    }
}
