package io.newswatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.app.Main;
import io.newswatch.app.support.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a command can fail ends in one line on stderr and an exit code that says which kind of failure. */
class FailureExitCodesTest {
    private record Result(int code, List<String> out, List<String> err) {
    }

    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8).lines().toList(),
                    e.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.contains("[WARN]")
                            && !l.contains("[INFO]")).toList());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aMisspelledOptionIsAConfigurationErrorThatNamesTheNearestOption() {
        Result r = run("sink", "--set", "topic.partitons=6");
        assertEquals(3, r.code());
        assertEquals(1, r.err().size(), r.err().toString());
        assertTrue(r.err().get(0).contains("unknown option 'topic.partitons'")
                && r.err().get(0).contains("did you mean 'topic.partitions'"), r.err().toString());
    }

    @Test
    void aMissingConfigFileIsAConfigurationError(@TempDir Path dir) {
        Result r = run("enrich", "--config", dir.resolve("missing.properties").toString());
        assertEquals(3, r.code());
        assertEquals(1, r.err().size(), r.err().toString());
        assertTrue(r.err().get(0).contains("missing.properties does not exist"), r.err().toString());
    }

    @Test
    void aMissingInputFolderIsRefusedBeforeKafkaIsAsked(@TempDir Path dir) throws IOException {
        Result r = run("ingest", "--set", "bootstrap.servers=127.0.0.1:" + closedPort(),
                dir.resolve("nope").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().get(0).contains("nope does not exist"), r.err().toString());
    }

    @Test
    void anUnreachableClusterFailsWithinTheStartupTimeoutNamingTheAddress() throws IOException {
        String address = "127.0.0.1:" + closedPort();
        long started = System.nanoTime();
        Result r = run("sink", "--set", "bootstrap.servers=" + address, "--set", "startup.timeout=PT2S");
        assertEquals(4, r.code());
        assertTrue(r.err().get(r.err().size() - 1).contains("cannot reach Kafka at " + address), r.err().toString());
        assertTrue((System.nanoTime() - started) / 1e9 < 30, "gave up within a bounded time");
    }

    @Test
    void aBrokenRulesFileIsAConfigurationError(@TempDir Path dir) throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "tags: [this is not a map\n");
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"1\",\"text\":\"x\"}\n");
        Result r = run("tag", "--rules", rules.toString(), in.toString());
        assertEquals(3, r.code());
        assertEquals(1, r.err().size(), r.err().toString());
        assertTrue(r.err().get(0).contains("invalid rules file"), r.err().toString());
    }

    @Test
    void theStackTraceComesOnlyWithVerbose(@TempDir Path dir) {
        Result r = run("enrich", "--verbose", "--config", dir.resolve("missing.properties").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().size() > 3 && r.err().stream().anyMatch(l -> l.contains("\tat ")), r.err().toString());
    }

    @Test
    void extractExitsNonZeroWhenAnInputFailed(@TempDir Path dir) {
        Result r = run("extract", dir.resolve("missing.html").toString());
        assertEquals(1, r.code());
        assertTrue(r.out().get(0).contains("not a readable file"), r.out().toString());
    }

    @Test
    void configCheckPrintsEachValueWithWhereItCameFrom() {
        Result r = run("config", "check", "--worker", "sink", "--set", "topic.partitions=6");
        assertEquals(0, r.code(), r.err().toString());
        assertTrue(r.out().stream().anyMatch(l -> l.matches("topic\\.partitions\\s+6\\s+--set")), r.out().toString());
        assertTrue(r.out().stream().anyMatch(l -> l.matches("sink\\.group\\.id\\s+\\S+\\s+default")),
                r.out().toString());
        assertTrue(r.out().get(r.out().size() - 1).contains("configuration ok for sink"), r.out().toString());
    }

    @Test
    void configCheckWithConnectReachesTheClusterAndReportsTheTopics() {
        Result r = run("config", "check", "--worker", "enrich", "--connect", "--set",
                "bootstrap.servers=" + TestKafka.bootstrapServers());
        assertEquals(0, r.code(), r.err().toString());
        assertTrue(r.out().stream().anyMatch(l -> l.startsWith("reached Kafka at ")), r.out().toString());
        assertTrue(r.out().stream().anyMatch(l -> l.startsWith("topic newswatch.articles.raw: ")), r.out().toString());
    }
}
