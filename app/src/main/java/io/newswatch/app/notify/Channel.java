package io.newswatch.app.notify;

import java.net.URI;

/**
 * Where a desk's alerts go. {@code webhook}: the alert as JSON, signed with HMAC-SHA256 over {@code timestamp.body}
 * with the desk's secret; {@code chat}: a Slack-compatible incoming-webhook message.
 *
 * @param secret for webhooks, from the environment variable the channels file names (never the file itself)
 */
public record Channel(String desk, String kind, URI url, String secret) {
    public Channel {
        if (!kind.equals("webhook") && !kind.equals("chat")) {
            throw new IllegalArgumentException("channel kind must be webhook or chat, not " + kind);
        }
        if (!url.getScheme().equals("https") && !url.getScheme().equals("http")) {
            throw new IllegalArgumentException("channel URL must be http(s): " + url);
        }
    }

    /** A name for logs, metrics and the ledger: desk and kind (the URL may hold a token). */
    public String name() {
        return desk + "/" + kind;
    }
}
