package io.newswatch.bench.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM started by the benchmark: its output goes to a log file (and is watched for a line that says it is ready),
 * its peak resident memory is read from {@code /proc}, and it is stopped with SIGTERM, as an operator would.
 */
final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private ChildProcess(String name, Process process, Path log, Predicate<String> readyLine) throws IOException {
        this.name = name;
        this.process = process;
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (!ready.isDone() && readyLine.test(line)) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException(name + " ended before it was ready; see " + log));
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code java <jvmOptions> <args>}, its output in {@code log}. */
    static ChildProcess start(String name, List<String> jvmOptions, List<String> args, Path log,
                              Predicate<String> readyLine) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        // A benchmark that fails or is interrupted must not leave a worker running and skewing the next one.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new ChildProcess(name, process, log, readyLine);
    }

    /** The line that said it is ready, once it is. */
    String awaitReady(Duration timeout) throws Exception {
        return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    long pid() {
        return process.pid();
    }

    /** Peak resident set size so far, in MiB ({@code VmHWM}), or -1 where /proc is not there. */
    long peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time used so far (user and system), in seconds, from {@code /proc/<pid>/stat}; -1 where unknown. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // clock ticks, USER_HZ = 100
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
