package io.newswatch.app.notify;

import io.newswatch.model.Alert;
import io.newswatch.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends one alert version to one channel, once; the caller decides about retries from the outcome. */
final class Delivery {
    /** What a send came to: delivered, worth retrying (after {@code retryAfter} when the server said), or not. */
    record Outcome(boolean delivered, boolean retry, Duration retryAfter, String error) {
        static Outcome ok() {
            return new Outcome(true, false, null, null);
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    Delivery(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** The receiver's de-duplication key: the same alert version always has the same one. */
    static String idempotencyKey(Alert alert) {
        return alert.alertId() + ":" + alert.version();
    }

    Outcome send(Channel channel, Alert alert, Instant now) {
        String body = channel.kind().equals("webhook") ? Json.write(alert) : Json.write(chatMessage(alert));
        HttpRequest.Builder request = HttpRequest.newBuilder(channel.url()).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey(alert))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (channel.kind().equals("webhook") && channel.secret() != null) {
            long ts = now.getEpochSecond();
            request.header("X-Newswatch-Signature", "t=" + ts + ",v1=" + sign(channel.secret(), ts + "." + body));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return Outcome.ok();
            }
            boolean retry = status == 429 || status == 408 || status / 100 == 5;
            Duration after = retryAfter(response.headers().firstValue("Retry-After"));
            return new Outcome(false, retry, after, "HTTP " + status);
        } catch (java.io.IOException e) {
            return new Outcome(false, true, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, true, null, "interrupted");
        }
    }

    /** HMAC-SHA256 of the signed text, hex: what a receiver recomputes with the shared secret. */
    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Duration retryAfter(Optional<String> header) {
        try {
            return header.map(v -> Duration.ofSeconds(Math.min(300, Long.parseLong(v.strip())))).orElse(null);
        } catch (NumberFormatException e) {
            return null; // an HTTP date: fall back to our own back-off
        }
    }

    /** Slack's incoming-webhook shape, which Mattermost and Rocket.Chat accept too. */
    static Map<String, Object> chatMessage(Alert alert) {
        StringBuilder text = new StringBuilder("*[" + alert.severity().toUpperCase(java.util.Locale.ROOT) + "] "
                + (alert.title() == null ? alert.alertId() : alert.title()) + "*\n" + alert.reason());
        if (alert.url() != null) {
            text.append("\n").append(alert.url());
        }
        if (!alert.evidence().isEmpty()) {
            text.append("\n> ").append(alert.evidence().get(0).snippet());
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", text.toString());
        return message;
    }
}
