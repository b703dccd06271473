package io.newswatch.app;

import io.newswatch.model.config.ConfigProblem;
import io.newswatch.model.config.KafkaUnreachableException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;

/**
 * Ends a failed command with one line on stderr saying what is wrong (the stack trace only with {@code --verbose})
 * and an exit code a script can act on.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    /** A failure while running: a bug, a broker refusing, a database down for good. */
    static final int RUNTIME = 1;
    /** Command-line usage error (picocli's own code). */
    static final int USAGE = 2;
    /** The configuration is wrong: unknown option, bad value, missing file, bad rules. */
    static final int CONFIG = 3;
    /** The Kafka cluster did not answer. */
    static final int KAFKA_UNREACHABLE = 4;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        int code = exitCode(ex);
        cmd.getErr().println("newswatch " + cmd.getCommandName() + ": " + (code == CONFIG ? "configuration error: "
                : code == KAFKA_UNREACHABLE ? "" : "failed: ") + message(ex));
        if (Main.verbose) {
            ex.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return code;
    }

    static int exitCode(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof KafkaUnreachableException) {
                return KAFKA_UNREACHABLE;
            }
            if (t instanceof ConfigProblem || t instanceof ConfigException) {
                return CONFIG;
            }
        }
        return RUNTIME;
    }

    /** The most telling message in the chain: ours when we wrote one, else the deepest cause's. */
    static String message(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof KafkaUnreachableException || t instanceof ConfigProblem || t instanceof ConfigException) {
                return oneLine(t.getMessage());
            }
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return oneLine(ex.getMessage() != null ? ex.getMessage() : root.toString());
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
