package io.newswatch.ingest.folder;

/**
 * An input that will not become an article, and why.
 *
 * @param code     a short, countable reason: {@code empty}, {@code binary}, {@code too-large}, {@code encoding},
 *                 {@code malformed-json}, {@code no-text}, {@code unreadable}
 * @param reason   the sentence an operator reads
 * @param original the bytes as read (possibly only the first part of a huge file)
 */
public record Rejection(String origin, String code, String reason, byte[] original) {
}
