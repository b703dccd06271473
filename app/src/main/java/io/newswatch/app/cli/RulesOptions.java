package io.newswatch.app.cli;

import io.newswatch.enrich.tagging.RuleBook;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which rules file a command uses: the bundled default taxonomy unless {@code --rules} names another. */
final class RulesOptions {
    @Option(names = "--rules", paramLabel = "FILE", description = "YAML rules file (default: the bundled taxonomy).")
    Path rulesFile;

    RuleBook load() {
        return rulesFile == null ? RuleBook.defaults() : RuleBook.load(rulesFile);
    }
}
