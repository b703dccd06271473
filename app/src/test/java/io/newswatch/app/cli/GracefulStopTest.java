package io.newswatch.app.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.app.Main;
import io.newswatch.app.support.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each long-running worker, in a JVM of its own, stops on SIGTERM after finishing its work and says so. */
class GracefulStopTest {
    private static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void stopsCleanly(Path log, String running, String stopped, String... args) throws Exception {
        Process p = start(log, args);
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> !p.isAlive()
                    || Files.readString(log).contains(running));
            assertTrue(p.isAlive(), Files.readString(log));
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not stop within a minute");
            // 143 = 128 + SIGTERM: how a JVM ends after its shutdown hooks when a signal stopped it.
            assertEquals(143, p.exitValue(), Files.readString(log));
            assertTrue(Files.readString(log).contains(stopped), Files.readString(log));
        } finally {
            p.destroyForcibly();
        }
    }

    private static String[] common(String unique, String... more) {
        List<String> args = new ArrayList<>(List.of(more));
        for (Map.Entry<String, String> e : Map.of("bootstrap.servers", TestKafka.bootstrapServers(),
                "topic.raw", unique + ".raw", "topic.enriched", unique + ".enriched", "topic.alerts",
                unique + ".alerts", "topic.aggregates", unique + ".aggregates", "topic.rules", unique + ".rules",
                "topic.dlq", unique + ".dlq").entrySet()) {
            args.addAll(List.of("--set", e.getKey() + "=" + e.getValue()));
        }
        return args.toArray(String[]::new);
    }

    @Test
    void enrichStopsOnSigtermAfterCommitting(@TempDir Path dir) throws Exception {
        String unique = "stop-" + UUID.randomUUID().toString().substring(0, 8);
        stopsCleanly(dir.resolve("enrich.log"), "enrich: running", "enrich: stopped", common(unique, "enrich",
                "--set", "enrich.application.id=" + unique, "--set", "enrich.state.dir=" + dir.resolve("state")));
    }

    @Test
    void sinkStopsOnSigtermAfterItsBatch(@TempDir Path dir) throws Exception {
        String unique = "stop-" + UUID.randomUUID().toString().substring(0, 8);
        stopsCleanly(dir.resolve("sink.log"), "sink: writing to", "sink: stopped", common(unique, "sink",
                "--set", "sink.group.id=" + unique, "--set", "sink.jdbc.url=jdbc:sqlite:" + dir.resolve("s.db")));
    }

    @Test
    void ingestWatchingAFolderStopsOnSigterm(@TempDir Path dir) throws Exception {
        String unique = "stop-" + UUID.randomUUID().toString().substring(0, 8);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        stopsCleanly(dir.resolve("ingest.log"), "ingest: watching", "ingest: stopped", common(unique, "ingest", "--watch",
                inbox.toString()));
    }

    @Test
    void theConsoleStopsOnSigterm(@TempDir Path dir) throws Exception {
        stopsCleanly(dir.resolve("serve.log"), "serve: console at", "serve: stopped", "serve", "--set",
                "sink.jdbc.url=jdbc:sqlite:" + dir.resolve("c.db"), "--set", "serve.port=0");
    }

    @Test
    void notifyStopsOnSigterm(@TempDir Path dir) throws Exception {
        String unique = "stop-" + UUID.randomUUID().toString().substring(0, 8);
        Path channels = Files.writeString(dir.resolve("channels.yaml"),
                "desks:\n  central-asia:\n    chat: {url: \"http://127.0.0.1:9/hook\"}\n");
        stopsCleanly(dir.resolve("notify.log"), "notify: delivering", "notify: stopped", common(unique, "notify",
                "--set", "notify.channels.file=" + channels, "--set", "notify.group.id=" + unique,
                "--set", "sink.jdbc.url=jdbc:sqlite:" + dir.resolve("n.db")));
    }
}
