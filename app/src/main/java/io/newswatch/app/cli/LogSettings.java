package io.newswatch.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.Encoder;
import io.newswatch.model.config.ConfigProblem;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Applies the logging options to logback: {@code log.levels} ({@code io.newswatch.enrich=DEBUG,org.apache.kafka=INFO})
 * and {@code log.format} ({@code text}, the default, or {@code json}: one JSON object per line for log shippers).
 */
public final class LogSettings {
    private LogSettings() {
    }

    public static void apply(String format, String levels) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another backend (tests use slf4j-simple): nothing to configure
        }
        if (levels != null && !levels.isBlank()) {
            for (String entry : levels.split(",")) {
                String[] kv = entry.strip().split("=", 2);
                if (kv.length != 2 || kv[0].isBlank()) {
                    throw new ConfigProblem("log.levels: '" + entry.strip() + "' is not logger=LEVEL, e.g. "
                            + "io.newswatch.enrich=DEBUG");
                }
                setLevel(kv[0].strip(), kv[1].strip());
            }
        }
        String f = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
        if (f.equals("json")) {
            useJson(context, true);
        } else if (f.equals("text")) {
            useJson(context, false);
        } else {
            throw new ConfigProblem("log.format must be text or json, not " + format);
        }
    }

    /** One logger's level (a package or class name; ROOT for the default). */
    public static void setLevel(String logger, String level) {
        Level parsed = Level.toLevel(level.toUpperCase(Locale.ROOT), null);
        if (parsed == null) {
            throw new ConfigProblem("log.levels: " + level + " is not a level (TRACE, DEBUG, INFO, WARN, ERROR, OFF)");
        }
        if (LoggerFactory.getLogger(logger) instanceof Logger l) {
            l.setLevel(parsed);
        }
    }

    /** The console's text encoder, kept while JSON replaces it. */
    private static Encoder<ILoggingEvent> text;

    private static synchronized void useJson(LoggerContext context, boolean json) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (!(it.next() instanceof ConsoleAppender<ILoggingEvent> console)) {
                continue;
            }
            boolean isJson = console.getEncoder() instanceof JsonEncoder;
            if (json && !isJson) {
                text = console.getEncoder();
                JsonEncoder encoder = new JsonEncoder();
                encoder.setContext(context);
                encoder.start();
                swap(console, encoder);
            } else if (!json && isJson && text != null) {
                swap(console, text);
            }
        }
    }

    private static void swap(ConsoleAppender<ILoggingEvent> console, Encoder<ILoggingEvent> encoder) {
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }
}
