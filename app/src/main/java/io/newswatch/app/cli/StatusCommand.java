package io.newswatch.app.cli;

import io.newswatch.app.demo.ProgressProbe;
import io.newswatch.enrich.EnrichConfig;
import io.newswatch.enrich.topology.StageLag;
import io.newswatch.sink.SinkConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show how far behind each stage of the pipeline is: enrich's consumer group on the raw topic and "
                + "on each internal repartition topic, and the sink's group on the alerts and aggregates topics. "
                + "Caught up means every lag is 0: the last article is enriched and its alert is in the database. "
                + "Uses enrich.application.id and sink.group.id from the configuration.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    WorkerOptions options;

    @Option(names = "--watch", paramLabel = "SECONDS", description = "Print again every SECONDS until stopped.")
    Integer watch;

    @Override
    public Integer call() throws Exception {
        Map<String, String> values = options.values(Map.of());
        try (ProgressProbe probe = new ProgressProbe(new EnrichConfig(values), new SinkConfig(values))) {
            do {
                print(probe.stages(), System.out);
                if (watch != null) {
                    Thread.sleep(Duration.ofSeconds(watch).toMillis()); // the operator's refresh interval
                }
            } while (watch != null);
        }
        return 0;
    }

    static void print(List<StageLag.Stage> stages, PrintStream out) {
        out.printf("%-40s %10s  %s%n", "stage", "lag", "reads");
        long total = 0;
        for (StageLag.Stage s : stages) {
            out.printf("%-40s %10d  %s%n", s.name(), s.lag(), String.join(", ", s.topics()));
            total += s.lag();
        }
        out.println(total == 0 ? "caught up: every stage has processed everything committed before it"
                : "behind: " + total + " records still to process");
    }
}
