package io.newswatch.app.serve;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.json.Json;
import io.newswatch.sink.db.Database;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console over a real SQLite database written by the sink's own code, on a real HTTP port on loopback. */
class ConsoleServerTest {
    private static final String ASIA = "asia-token-123";
    private static final String WATCH = "watch-token-456";
    private static final Instant T = Instant.parse("2026-03-10T08:00:00Z");

    @TempDir
    Path dir;
    private String url;
    private ConsoleServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private static Alert alert(String id, String desk, String severity, String title, Instant updated) {
        return new Alert(id, Alert.STORY, "rule-" + desk, severity, desk, "IS + TAJIK_BORDER in 1 article",
                List.of("IS", "TAJIK_BORDER"), "s-" + id, List.of("a-" + id), 1, List.of("Wire"), title, null,
                "Guards on the Tajik-Afghan border reported the group.",
                List.of(new Evidence("tajik-afghan-border-en", "body", 13, 32, "Tajik-Afghan border",
                        "Guards on the Tajik-Afghan border reported the group.")), updated, updated, 1,
                Alert.SCHEMA_VERSION);
    }

    private void write(Alert... alerts) throws Exception {
        try (Database db = new Database(url, null, null)) {
            db.write(List.of(alerts), List.of());
        }
    }

    @BeforeEach
    void start() throws Exception {
        url = "jdbc:sqlite:" + dir.resolve("console.db");
        write(alert("a1", "central-asia", "high", "Border clash", T),
                alert("a2", "central-asia", "low", "Second report", T.plusSeconds(60)),
                alert("a3", "central-asia", "medium", "Third report", T.plusSeconds(120)),
                alert("w1", "watch", "low", "<img src=x onerror=alert(1)>", T.plusSeconds(30)));
        server = new ConsoleServer(new AlertQueries(url, new Properties()), Map.of(ASIA, "central-asia",
                WATCH, "watch"), "127.0.0.1", 0, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> ack(String id, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/alerts/" + id + "/ack")).POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"seen\"}"));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDeskSeesItsOwnAlertsNewestFirstPageByPage() throws Exception {
        JsonNode first = Json.MAPPER.readTree(get("/api/alerts?limit=2", ASIA).body());
        assertEquals(List.of("a3", "a2"), ids(first));
        JsonNode second = Json.MAPPER.readTree(get("/api/alerts?limit=2&cursor=" + first.get("next").asText(),
                ASIA).body());
        assertEquals(List.of("a1"), ids(second));
        assertTrue(second.get("next").isNull());
        assertEquals(List.of("a1"), ids(Json.MAPPER.readTree(get("/api/alerts?severity=high", ASIA).body())));
        assertEquals(List.of("a2"), ids(Json.MAPPER.readTree(get("/api/alerts?q=second", ASIA).body())));
        JsonNode one = Json.MAPPER.readTree(get("/api/alerts/a1", ASIA).body());
        assertEquals("Tajik-Afghan border", one.get("evidence").get(0).get("text").asText());
    }

    private static List<String> ids(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.get("alerts").spliterator(), false)
                .map(a -> a.get("alert_id").asText()).toList();
    }

    @Test
    void withoutTheRightTokenNothingIsReadOrChanged() throws Exception {
        assertEquals(401, get("/api/alerts", null).statusCode());
        assertEquals(401, get("/api/alerts", "wrong-token-000").statusCode());
        assertEquals(403, get("/api/alerts?desk=watch", ASIA).statusCode());
        assertEquals(403, get("/api/alerts/w1", ASIA).statusCode());
        assertEquals(403, ack("w1", ASIA).statusCode());
        assertEquals(401, ack("w1", null).statusCode());
        assertTrue(Json.MAPPER.readTree(get("/api/alerts/w1", WATCH).body()).get("state").isNull());
        assertEquals(200, ack("w1", WATCH).statusCode());
        JsonNode acked = Json.MAPPER.readTree(get("/api/alerts/w1", WATCH).body());
        assertEquals("acknowledged", acked.get("state").asText());
        assertEquals(List.of("w1"), ids(Json.MAPPER.readTree(get("/api/alerts?state=acknowledged", WATCH).body())));
    }

    @Test
    void theLiveStreamSendsANewAlertWithinSeconds() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/api/alerts/stream?token=" + ASIA)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // closed by the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        write(alert("a4", "central-asia", "high", "Fresh clash", Instant.now()),
                alert("w2", "watch", "high", "Not for this desk", Instant.now()));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("\"a4\"")));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\"w2\"")), "another desk's alert is not sent");
        stream.body().close();
    }

    @Test
    void thePageIsServedWithAPolicyThatForbidsInlineAndForeignScripts() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("console.js"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        HttpResponse<String> script = get("/console.js", null);
        assertEquals(200, script.statusCode());
        assertTrue(!script.body().contains("innerHTML"), "article text must never be inserted as HTML");
        assertNotNull(script.headers().firstValue("Content-Security-Policy").orElse(null));
    }

    @Test
    void everyPathTheOpenApiFileDocumentsIsServed() throws Exception {
        JsonNode spec = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(Path.of("..", "docs",
                "openapi.yaml").toFile());
        List<String> paths = new java.util.ArrayList<>();
        spec.get("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(List.of("/api/alerts", "/api/alerts/{id}", "/api/alerts/{id}/ack", "/api/mutes",
                "/api/alerts/stream", "/api/counts"), paths);
        for (String path : paths) {
            String concrete = path.replace("{id}", "a1");
            if (spec.get("paths").get(path).has("get") && !path.endsWith("stream")) {
                assertEquals(200, get(concrete, ASIA).statusCode(), path);
            }
            if (spec.get("paths").get(path).has("post") && path.endsWith("/ack")) {
                assertEquals(200, ack("a1", ASIA).statusCode(), path);
            }
        }
    }

    @Test
    void aDeskMutesARuleUntilATimeAndTheConsoleListsIt() throws Exception {
        HttpRequest mute = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/mutes"))
                .header("Authorization", "Bearer " + ASIA).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\": \"rule\", \"target\": \"rule-central-asia\", \"until\": \""
                                + Instant.now().plusSeconds(3600) + "\", \"reason\": \"drill week\"}")).build();
        assertEquals(201, http.send(mute, HttpResponse.BodyHandlers.ofString()).statusCode());
        JsonNode mutes = Json.MAPPER.readTree(get("/api/mutes", ASIA).body());
        assertEquals("rule-central-asia", mutes.get(0).get("target").asText());
        assertEquals("central-asia", mutes.get(0).get("by_who").asText());
        HttpRequest bad = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/mutes"))
                .header("Authorization", "Bearer " + ASIA).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\": \"desk\", \"target\": \"x\", \"until\": \"2030-01-01T00:00:00Z\"}")).build();
        assertEquals(400, http.send(bad, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
