package io.newswatch.ingest.fetch;

import java.time.Duration;

/**
 * What one fetch came to. Only {@code FETCHED} has a body; {@code WAIT} says when the host may be asked again.
 *
 * @param url the URL that answered, after redirects
 */
public record FetchResult(Outcome outcome, String url, int status, String contentType, byte[] body, String reason,
                          Duration retryIn) {

    public enum Outcome {
        FETCHED,
        /** Unchanged since the last fetch (304): it cost one request and no body. */
        NOT_MODIFIED,
        /** The host's politeness budget says not yet (a minimum delay, crawl-delay, Retry-After or back-off). */
        WAIT,
        /** robots.txt does not allow it. */
        DISALLOWED,
        /** Refused by policy: too large, private address, redirect loop or too many redirects, not http. */
        REJECTED,
        /** The request failed: network error, timeout, or an HTTP error status. */
        FAILED
    }

    static FetchResult of(Outcome outcome, String url, int status, String reason) {
        return new FetchResult(outcome, url, status, null, null, reason, null);
    }
}
