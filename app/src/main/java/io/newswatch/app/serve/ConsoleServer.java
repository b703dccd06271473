package io.newswatch.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.sse.SseClient;
import io.newswatch.model.json.Json;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server (Javalin): the JSON API under {@code /api}, the live page from the jar's
 * {@code public/} folder, and {@code /api/alerts/stream}, where every new or updated alert is sent as a Server-Sent
 * Event within a second of the sink writing it. With tokens configured, each call needs its desk's token and sees
 * and changes only that desk's alerts.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    /** Article text is untrusted: no inline script, nothing from elsewhere. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final AlertQueries queries;
    private final Map<String, String> deskByToken;
    private final Clock clock;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newswatch-console-feed");
        t.setDaemon(true);
        return t;
    });
    private final Javalin app;
    private volatile Instant lastSent;

    public ConsoleServer(AlertQueries queries, Map<String, String> deskByToken, String host, int port, Clock clock) {
        this.queries = queries;
        this.deskByToken = Map.copyOf(deskByToken);
        this.clock = clock;
        this.lastSent = clock.instant();
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add("/public", Location.CLASSPATH);
        });
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        app.before("/api/*", this::authenticate);
        app.get("/api/alerts", ctx -> json(ctx, queries.list(filter(ctx))));
        app.sse("/api/alerts/stream", this::subscribe);
        app.get("/api/alerts/{id}", this::alert);
        app.post("/api/alerts/{id}/ack", this::acknowledge);
        app.get("/api/mutes", ctx -> json(ctx, Json.MAPPER.valueToTree(queries.mutes(clock.instant()))));
        app.post("/api/mutes", this::mute);
        app.get("/api/counts", ctx -> json(ctx, Json.MAPPER.valueToTree(queries.counts(ctx.queryParam("tag"),
                ctx.queryParamAsClass("window", String.class).getOrDefault("P1D"), instant(ctx, "from"),
                instant(ctx, "to")))));
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
        app.exception(com.fasterxml.jackson.core.JsonProcessingException.class, (e, ctx) -> error(ctx,
                HttpStatus.BAD_REQUEST, "the body is not JSON: " + e.getOriginalMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(SQLException.class, (e, ctx) -> {
            LOG.warn("console: database error: {}", e.getMessage());
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "the database did not answer: " + e.getMessage());
        });
        app.start(host, port);
        feed.scheduleWithFixedDelay(this::sendUpdates, 500, 500, TimeUnit.MILLISECONDS);
    }

    public int port() {
        return app.port();
    }

    /** A failure the caller can act on, with its HTTP status. */
    static final class ApiError extends RuntimeException {
        final HttpStatus status;

        ApiError(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    private void authenticate(Context ctx) {
        if (deskByToken.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).strip()
                : ctx.queryParam("token"); // EventSource cannot send headers
        String desk = token == null ? null : deskByToken.get(token);
        if (desk == null) {
            throw new ApiError(HttpStatus.UNAUTHORIZED, "a desk token is required (Authorization: Bearer TOKEN)");
        }
        ctx.attribute("desk", desk);
    }

    private AlertQueries.Filter filter(Context ctx) {
        String desk = ctx.attribute("desk");
        String asked = ctx.queryParam("desk");
        if (desk != null && asked != null && !asked.equals(desk)) {
            throw new ApiError(HttpStatus.FORBIDDEN, "this token is for desk " + desk);
        }
        int limit = ctx.queryParamAsClass("limit", Integer.class).check(n -> n >= 1 && n <= 200, "1 to 200")
                .getOrDefault(50);
        return new AlertQueries.Filter(desk != null ? desk : asked, ctx.queryParam("severity"),
                ctx.queryParam("tag"), ctx.queryParam("rule"), ctx.queryParam("kind"), ctx.queryParam("state"),
                instant(ctx, "since"), instant(ctx, "until"), ctx.queryParam("q"), ctx.queryParam("cursor"), limit);
    }

    private static Instant instant(Context ctx, String name) {
        String v = ctx.queryParam(name);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST, name + " must be an ISO-8601 instant such as "
                    + "2026-03-10T00:00:00Z");
        }
    }

    private ObjectNode visible(Context ctx, String id) throws SQLException {
        ObjectNode alert = queries.get(id);
        if (alert == null) {
            throw new ApiError(HttpStatus.NOT_FOUND, "no alert " + id);
        }
        String desk = ctx.attribute("desk");
        if (desk != null && !desk.equals(alert.path("desk").asText(null))) {
            throw new ApiError(HttpStatus.FORBIDDEN, "alert " + id + " belongs to another desk");
        }
        return alert;
    }

    private void alert(Context ctx) throws SQLException {
        json(ctx, visible(ctx, ctx.pathParam("id")));
    }

    private void acknowledge(Context ctx) throws SQLException, java.io.IOException {
        String id = ctx.pathParam("id");
        visible(ctx, id);
        JsonNode body = ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(ctx.body());
        String by = body.path("by").asText(ctx.attribute("desk") != null ? ctx.attribute("desk") : "console");
        queries.acknowledge(id, by, body.path("reason").asText(null), clock.instant());
        json(ctx, queries.get(id));
    }

    /** Mutes a rule or a story for a while: {"kind": "rule"|"story", "target": id, "until": instant, "reason": …}. */
    private void mute(Context ctx) throws SQLException, java.io.IOException {
        JsonNode body = Json.MAPPER.readTree(ctx.body());
        String kind = body.path("kind").asText("");
        String target = body.path("target").asText("");
        if (target.isBlank()) {
            throw new ApiError(HttpStatus.BAD_REQUEST, "target is required");
        }
        Instant until;
        try {
            until = Instant.parse(body.path("until").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST, "until must be an ISO-8601 instant");
        }
        String desk = ctx.attribute("desk");
        queries.mute(kind, target, until, body.path("by").asText(desk != null ? desk : "console"),
                body.path("reason").asText(null), clock.instant());
        ctx.status(HttpStatus.CREATED);
        json(ctx, Json.MAPPER.valueToTree(queries.mutes(clock.instant())));
    }

    private void subscribe(SseClient client) {
        client.keepAlive();
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        client.sendComment("connected");
    }

    /** Sends every alert written since the last round to each subscriber allowed to see it. */
    private void sendUpdates() {
        try {
            List<ObjectNode> updated = queries.updatedAfter(lastSent);
            for (ObjectNode alert : updated) {
                String json = Json.write(alert);
                for (SseClient client : clients) {
                    String desk = client.ctx().attribute("desk");
                    if (desk == null || desk.equals(alert.path("desk").asText(null))) {
                        client.sendEvent("alert", json);
                    }
                }
                lastSent = Instant.parse(alert.get("updated_at").asText());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("console: could not read new alerts: {}", e.getMessage());
        }
    }

    private static void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(Json.write(body));
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).contentType("application/json").result(Json.write(Map.of("error", message)));
    }

    @Override
    public void close() {
        feed.shutdownNow();
        clients.forEach(SseClient::close);
        app.stop();
    }
}
