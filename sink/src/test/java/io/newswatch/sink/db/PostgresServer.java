package io.newswatch.sink.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, from the machine's PostgreSQL binaries (Debian's package, which .ci/run
 * installs), in a temporary data folder on a free loopback port. PostgreSQL refuses to run as root, so as root it
 * runs as the {@code postgres} user. {@link #find()} is empty where no binaries are installed.
 */
public final class PostgresServer implements AutoCloseable {
    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static Optional<Path> find() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .sorted().reduce((a, b) -> b);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static PostgresServer start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dataDir = Files.createTempDirectory("newswatch-pg-");
        if (root) {
            run(List.of("chown", "-R", "postgres", dataDir.toString()), false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, dataDir.resolve("data"), port, root);
        run(List.of(bin.resolve("initdb").toString(), "-D", server.dataDir.toString(), "-U", "newswatch",
                "--auth=trust", "-E", "UTF8"), root);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", server.dataDir.toString(), "-w", "-l",
                dataDir.resolve("log").toString(), "-o", "-p " + port + " -h 127.0.0.1 -k " + dataDir, "start"), root);
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=newswatch";
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed: " + output);
        }
    }

    /** Stops the server, keeping its data, as a database host going down would. */
    public void stop() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"),
                asPostgresUser);
    }

    /** Starts it again on the same port with the same data. */
    public void restart() throws IOException, InterruptedException {
        Path home = dataDir.getParent();
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-l",
                home.resolve("log").toString(), "-o", "-p " + port + " -h 127.0.0.1 -k " + home, "start"),
                asPostgresUser);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"),
                asPostgresUser);
    }
}
