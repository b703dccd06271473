package io.newswatch.model.config;

/**
 * A configuration a worker cannot start with: a missing or unreadable file, an unknown option, a value out of
 * range. The message says which option and what to do; the command line prints it as one line and exits 3.
 */
public class ConfigProblem extends IllegalArgumentException {
    public ConfigProblem(String message) {
        super(message);
    }

    public ConfigProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
