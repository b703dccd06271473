package io.newswatch.ingest.assemble;

/**
 * An input that will not become an article, and why.
 *
 * @param code     a short, countable reason: {@code empty}, {@code binary}, {@code compressed}, {@code too-large},
 *                 {@code encoding}, {@code too-complex}, {@code malformed-json}, {@code no-text}, {@code unreadable},
 *                 {@code extraction-failed}, {@code unsupported-type}
 * @param reason   the sentence an operator reads
 * @param original the bytes as read (possibly only the first part of a huge file)
 */
public record Rejection(String origin, String code, String reason, byte[] original) {
}
