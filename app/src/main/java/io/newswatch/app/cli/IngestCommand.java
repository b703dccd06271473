package io.newswatch.app.cli;

import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.IngestWorker;
import io.newswatch.model.config.ConfigProblem;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read folders of .txt, .html and .jsonl articles, clean them and produce them to the raw "
                + "topic. Once, or with --watch until stopped (SIGTERM).")
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    WorkerOptions options;

    @Parameters(paramLabel = "FOLDER", arity = "0..*", description = "Folders to read (option ingest.inputs).")
    List<Path> folders = List.of();

    @Option(names = "--watch", description = "Keep running and pick up new or changed files (ingest.watch).")
    boolean watch;

    @Override
    public Integer call() throws Exception {
        Map<String, String> extra = new LinkedHashMap<>();
        if (!folders.isEmpty()) {
            extra.put(IngestConfig.INPUTS, folders.stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        if (watch) {
            extra.put(IngestConfig.WATCH, "true");
        }
        IngestConfig config = new IngestConfig(options.values(extra));
        if (config.inputs().isEmpty() && !config.sourcesEnabled()) {
            System.err.println("ingest: no folder given (pass FOLDER or set ingest.inputs) and no sources "
                    + "(set ingest.sources.file or ingest.sources.enabled)");
            return 2;
        }
        for (Path folder : config.inputs()) {
            if (!java.nio.file.Files.isDirectory(folder)) {
                throw new ConfigProblem("input folder " + folder + " does not exist or is not a folder: create it "
                        + "or fix ingest.inputs");
            }
        }
        try (IngestWorker worker = new IngestWorker(config, Clock.systemUTC())) {
            Shutdown shutdown = Shutdown.onSignal(worker::stop);
            try {
                if (watch) {
                    System.out.println("ingest: watching " + config.inputs() + "; stop with SIGTERM");
                }
                worker.run();
                // Before done(): once the signal's hook is released the JVM may end at any moment.
                System.out.println("ingest: " + (watch ? "stopped; " : "") + worker.stats());
            } finally {
                shutdown.done();
            }
        }
        return 0;
    }
}
