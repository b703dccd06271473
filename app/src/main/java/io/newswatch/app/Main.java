package io.newswatch.app;

import io.newswatch.app.cli.ConfigCommand;
import io.newswatch.app.cli.DemoCommand;
import io.newswatch.app.cli.EnrichCommand;
import io.newswatch.app.cli.IngestCommand;
import io.newswatch.app.cli.NotifyCommand;
import io.newswatch.app.cli.ServeCommand;
import io.newswatch.app.cli.SinkCommand;
import io.newswatch.app.cli.StatusCommand;
import io.newswatch.app.cli.TagCommand;
import io.newswatch.app.cli.EvalRulesCommand;
import io.newswatch.app.cli.ExtractCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code newswatch} command. */
@Command(name = "newswatch", mixinStandardHelpOptions = true, version = "newswatch 0.1.0",
        description = "News monitoring pipeline on Apache Kafka: ingest articles, enrich them (tags with evidence, "
                + "alerts, windowed counts) and sink alerts and counts to a database.",
        subcommands = {DemoCommand.class, IngestCommand.class, EnrichCommand.class, SinkCommand.class,
                StatusCommand.class, ServeCommand.class, NotifyCommand.class, ConfigCommand.class, TagCommand.class, ExtractCommand.class,
                EvalRulesCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On failure, print the stack trace after the one-line message.")
    static boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        verbose = false;
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new FailureHandler())
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
