package io.newswatch.bench.pipeline;

import io.newswatch.bench.AnalystRules;
import io.newswatch.model.RawArticle;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code newswatch} enrich against an exactly-once pass-through Kafka Streams app, side by side on one broker and the
 * same preloaded articles: both rates and their ratio; then each at a fixed rate, for latency from raw record to
 * enriched record and to alert (enrich with the sink running), with the first seconds after start-up shown apart;
 * enrich's peak RSS, with and without 10,000 extra analyst rules; and the share of enrich's task time spent in the
 * single-partition story stage (Kafka Streams' own task metrics). Run from the project root after
 * {@code mvn -B -q -DskipTests package}:
 * <pre>java -cp bench/target/benchmarks.jar io.newswatch.bench.pipeline.PipelineBench [--articles 20000]
 *      [--partitions 2] [--pairs 1] [--rate 500] [--seconds 60] [--extra-rules 10000] [--heap 512m]</pre>
 */
public final class PipelineBench {
    private final Map<String, String> options;
    private final Path work;
    private final String benchJar;
    private final Path appJar;
    private final int partitions;
    private final List<String> report = new ArrayList<>();
    private String bootstrap;
    private Admin admin;
    private ChildProcess broker;

    private PipelineBench(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("newswatch-bench-");
        this.benchJar = Path.of(PipelineBench.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        this.appJar = Path.of(options.getOrDefault("app-jar", "app/target/newswatch.jar"));
        this.partitions = Integer.parseInt(options.getOrDefault("partitions", "2"));
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException(appJar + " is missing: run mvn -B -q -DskipTests package first");
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new PipelineBench(options).run();
    }

    private int option(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        int articles = option("articles", 20_000);
        int pairs = option("pairs", 1);
        int rate = option("rate", 500);
        int seconds = option("seconds", 60);
        int extraRules = option("extra-rules", 10_000);
        say(String.format(Locale.ROOT, "Newswatch pipeline benchmark: %d partitions, %d articles of ~%.1f KB "
                        + "(20%% with watched topics), %d cores, enrich and pass-through each in its own JVM (-Xmx%s, "
                        + "%d stream thread%s), broker in a third", partitions, articles,
                SyntheticArticles.BODY_CHARS / 1000.0, Runtime.getRuntime().availableProcessors(), heap(), threads(),
                threads() == 1 ? "" : "s"));
        try (ChildProcess broker = ChildProcess.start("broker", List.of("-Xmx1g", "-XX:+UseG1GC"),
                List.of("-cp", benchJar, BrokerProcess.class.getName(), work.resolve("kafka").toString()),
                work.resolve("broker.log"), line -> line.startsWith("BOOTSTRAP="))) {
            this.broker = broker;
            bootstrap = broker.awaitReady(Duration.ofMinutes(2)).substring("BOOTSTRAP=".length());
            admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
            throughput(articles, pairs, extraRules);
            latency(rate, seconds);
            admin.close();
        }
        say("logs of every process: " + work);
        Files.write(work.resolve("report.txt"), report);
    }

    private int threads() {
        return option("threads", 1);
    }

    private String heap() {
        return options.getOrDefault("heap", "512m");
    }

    // ---------------------------------------------------------------------------------------------- throughput

    private void throughput(int articles, int pairs, int extraRules) throws Exception {
        String raw = "bench-raw";
        createTopic(raw, partitions);
        long started = System.nanoTime();
        preload(raw, articles);
        say(String.format(Locale.ROOT, "preloaded %d articles in %.1f s", articles, (System.nanoTime() - started) / 1e9));
        say("throughput, articles/s     pass-through     enrich     ratio   enrich peak RSS   story stage share");
        for (int pair = 1; pair <= pairs; pair++) {
            double pass = passThroughRate(raw, articles, "pt-" + pair);
            EnrichRun enrich = enrichRate(raw, articles, "en-" + pair, null);
            say(String.format(Locale.ROOT, "  pair %d                  %10.0f %10.0f %9.2f %12d MiB %15.1f %%", pair, pass,
                    enrich.rate, enrich.rate / pass, enrich.peakRss, enrich.storyShare * 100));
        }
        if (extraRules > 0) {
            Path rules = extraRulesFile(extraRules);
            EnrichRun loaded = enrichRate(raw, articles, "en-rules", rules);
            say(String.format(Locale.ROOT, "  enrich with %d extra analyst rules: %.0f articles/s, peak RSS %d MiB, "
                    + "story stage share %.1f %%", extraRules, loaded.rate, loaded.peakRss, loaded.storyShare * 100));
        }
    }

    private record EnrichRun(double rate, long peakRss, double storyShare) {
    }

    private double passThroughRate(String raw, int articles, String name) throws Exception {
        String out = name + "-out";
        createTopic(out, partitions);
        try (ChildProcess app = ChildProcess.start(name, jvm(), List.of("-cp", benchJar, PassThrough.class.getName(),
                bootstrap, raw, out, name, work.resolve(name).toString(), String.valueOf(threads())), work.resolve(name + ".log"), l -> true)) {
            return rate(out, articles, app);
        }
    }

    private EnrichRun enrichRate(String raw, int articles, String name, Path rules) throws Exception {
        int ops = freePort();
        List<String> settings = new ArrayList<>(enrichSettings(name, raw, ops));
        if (rules != null) {
            settings.addAll(List.of("--set", "enrich.rules.file=" + rules));
        }
        List<String> jvm = new ArrayList<>(jvm());
        if (options.containsKey("jfr")) {
            jvm.add("-XX:StartFlightRecording=filename=" + work.resolve(name + ".jfr") + ",settings=profile");
        }
        try (ChildProcess enrich = ChildProcess.start(name, jvm, newswatch("enrich", settings),
                work.resolve(name + ".log"), l -> true)) {
            double rate = rate(name + ".enriched", articles, enrich);
            double share = storyShare(ops, name);
            return new EnrichRun(rate, enrich.peakRssMib(), share);
        }
    }

    /**
     * Articles per second through to {@code topic}: from the first committed record to the last, so that JVM and
     * Kafka Streams start-up do not count.
     */
    private double rate(String topic, int expected, ChildProcess app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        long firstAt = 0;
        long firstCount = 0;
        double[] cpu = new double[2];
        while (System.nanoTime() < deadline) {
            long count = committed(topic);
            if (firstAt == 0 && count > 0) {
                firstAt = System.nanoTime();
                firstCount = count;
                cpu = new double[] {app.cpuSeconds(), broker.cpuSeconds()};
            }
            if (count >= expected) {
                double seconds = (System.nanoTime() - firstAt) / 1e9;
                say(String.format(Locale.ROOT, "    %s: %.1f s, CPU used: app %.0f %%, broker %.0f %% (of one core)",
                        app, seconds, 100 * (app.cpuSeconds() - cpu[0]) / seconds,
                        100 * (broker.cpuSeconds() - cpu[1]) / seconds));
                return (count - firstCount) / seconds;
            }
            Thread.sleep(100); // polling the end offsets of a topic another process writes
        }
        throw new IllegalStateException(topic + " did not reach " + expected + " records in 30 minutes");
    }

    /** Committed records on a topic (read_committed end offsets; transaction markers make this an upper bound). */
    private long committed(String topic) throws Exception {
        try {
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> specs.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .values().stream().mapToLong(o -> o.offset()).sum();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return 0; // the worker has not created it yet
            }
            throw e;
        }
    }

    /**
     * The story stage's share of enrich's processing time, from enrich's own stage meters
     * ({@code newswatch_enrich_stage_seconds_total{stage}}): each stage is timed from the record entering it to
     * everything it sends being handed to the producer.
     */
    private double storyShare(int opsPort, String name) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Files.writeString(work.resolve(name + "-metrics.txt"), metrics);
        Pattern line = Pattern.compile("^newswatch_enrich_stage_seconds_total\\{.*stage=\"([a-z]+)\".*\\} (\\S+)$");
        Map<String, Double> seconds = new HashMap<>();
        for (String l : metrics.lines().toList()) {
            Matcher m = line.matcher(l);
            if (m.matches()) {
                seconds.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        Files.writeString(work.resolve(name + "-stages.txt"), seconds.toString());
        double all = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        return seconds.getOrDefault("story", 0.0) / Math.max(all, 1e-9);
    }

    // ----------------------------------------------------------------------------------------------- latency

    private void latency(int rate, int seconds) throws Exception {
        say(String.format(Locale.ROOT, "latency at %d articles/s for %d s, ms     p50    p95    p99    max", rate,
                seconds));
        String raw = "lat-pt-raw";
        createTopic(raw, partitions);
        createTopic("lat-pt-out", partitions);
        try (ChildProcess app = ChildProcess.start("lat-pt", jvm(), List.of("-cp", benchJar,
                PassThrough.class.getName(), bootstrap, raw, "lat-pt-out", "lat-pt", work.resolve("lat-pt").toString(),
                String.valueOf(threads())),
                work.resolve("lat-pt.log"), l -> true);
             LatencyProbe out = new LatencyProbe(bootstrap, "lat-pt-out")) {
            awaitStable("lat-pt");
            long[] window = produceAtRate(raw, rate, seconds, "lat-pt");
            awaitCount(out, rate * seconds);
            say("  pass-through raw → out             " + LatencyProbe.format(LatencyProbe.percentiles(out.arrivals(),
                    window[0], Long.MAX_VALUE)));
        }

        String name = "lat-en";
        raw = name + ".raw";
        createTopic(raw, partitions);
        int ops = freePort();
        List<String> enrichJvm = new ArrayList<>(jvm());
        enrichJvm.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + options.getOrDefault("log", "warn"));
        enrichJvm.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        if (options.containsKey("jfr")) {
            enrichJvm.add("-XX:StartFlightRecording=filename=" + work.resolve(name + ".jfr") + ",settings=profile");
        }
        try (ChildProcess enrich = ChildProcess.start(name, enrichJvm, newswatch("enrich", enrichSettings(name, raw, ops)),
                work.resolve(name + ".log"), l -> true);
             ChildProcess sink = ChildProcess.start("lat-sink", jvm(), newswatch("sink", List.of("--set",
                     "bootstrap.servers=" + bootstrap, "--set", "topic.alerts=" + name + ".alerts", "--set",
                     "topic.aggregates=" + name + ".aggregates", "--set", "topic.dlq=" + name + ".dlq", "--set",
                     "sink.group.id=" + name + "-sink", "--set", "sink.jdbc.url=jdbc:sqlite:" + work.resolve("bench.db"))),
                     work.resolve("lat-sink.log"), l -> true)) {
            awaitRunning(ops);
            say("  enrich RUNNING at " + Instant.now());
            try (LatencyProbe enriched = new LatencyProbe(bootstrap, name + ".enriched");
                 LatencyProbe alerts = new LatencyProbe(bootstrap, name + ".alerts")) {
                double[] cpu = {enrich.cpuSeconds(), sink.cpuSeconds(), broker.cpuSeconds()};
                long[] window = produceAtRate(raw, rate, seconds, name);
                awaitCount(enriched, rate * seconds);
                say("  enrich raw → enriched              " + LatencyProbe.format(LatencyProbe.percentiles(
                        enriched.arrivals(), window[0], Long.MAX_VALUE)));
                say("  enrich raw → alert                 " + LatencyProbe.format(LatencyProbe.percentiles(
                        alerts.arrivals(), window[0], Long.MAX_VALUE)));
                StringBuilder first = new StringBuilder("  raw → enriched p99 per 5 s from RUNNING:");
                for (long from = window[0]; from < window[1]; from += 5_000) {
                    first.append(' ').append(LatencyProbe.percentiles(enriched.arrivals(), from, from + 5_000)[2]);
                }
                say(first.toString());
                say(String.format(Locale.ROOT, "  CPU used: enrich %.0f %%, sink %.0f %%, broker %.0f %% (of one core)",
                        100 * (enrich.cpuSeconds() - cpu[0]) / seconds(window), 100 * (sink.cpuSeconds() - cpu[1])
                                / seconds(window), 100 * (broker.cpuSeconds() - cpu[2]) / seconds(window)));
                say("  enrich peak RSS " + enrich.peakRssMib() + " MiB, sink peak RSS " + sink.peakRssMib() + " MiB");
                Files.writeString(work.resolve(name + "-metrics.txt"), HttpClient.newHttpClient().send(HttpRequest
                        .newBuilder(URI.create("http://127.0.0.1:" + ops + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
        }
    }

    private static double seconds(long[] window) {
        return Math.max(1, window[1] - window[0]) / 1000.0;
    }

    /** Sends {@code rate} new articles a second for {@code seconds}; returns the first and last send times. */
    private long[] produceAtRate(String topic, int rate, int seconds, String run) throws Exception {
        // Made before the clock starts: generating text must not take the CPU the measured workers need.
        SyntheticArticles generator = new SyntheticArticles(7, 0.2, run);
        int total = rate * seconds;
        List<RawArticle> articles = new ArrayList<>(total);
        List<byte[]> values = new ArrayList<>(total);
        for (int n = 0; n < total; n++) {
            RawArticle a = generator.next(n, Instant.now());
            articles.add(a);
            values.add(Json.writeBytes(a));
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long start = System.currentTimeMillis();
            long startNanos = System.nanoTime();
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            for (int n = 0; n < total; n++) {
                long due = startNanos + n * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // pacing the load, not waiting for a result
                }
                producer.send(new ProducerRecord<>(topic, articles.get(n).id(), values.get(n)));
            }
            producer.flush();
            return new long[] {start, System.currentTimeMillis()};
        }
    }

    private static void awaitCount(LatencyProbe probe, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (probe.count() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100); // polling a consumer in another thread
        }
    }

    private void awaitStable(String group) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                if (d.groupState() == GroupState.STABLE && d.members().stream()
                        .anyMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException notYet) {
                // the group does not exist until the app joins it
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(group + " did not become stable");
    }

    /** Waits until the enrich worker's /health says Kafka Streams is RUNNING. */
    private static void awaitRunning(int opsPort) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                String health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                if (health.contains("\"RUNNING\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // the worker is still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("enrich did not reach RUNNING");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private List<String> jvm() {
        return List.of("-Xmx" + heap(), options.getOrDefault("gc", "-XX:+UseG1GC"));
    }

    private List<String> newswatch(String command, List<String> settings) {
        List<String> args = new ArrayList<>(List.of("-jar", appJar.toString(), command));
        args.addAll(settings);
        return args;
    }

    private List<String> enrichSettings(String name, String raw, int opsPort) {
        List<String> s = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", bootstrap);
        values.put("topic.partitions", String.valueOf(partitions));
        values.put("topic.raw", raw);
        for (String topic : List.of("enriched", "alerts", "aggregates", "rules", "dlq")) {
            values.put("topic." + topic, name + "." + topic);
        }
        values.put("enrich.application.id", name);
        values.put("enrich.state.dir", work.resolve(name + "-state").toString());
        values.put("enrich.aggregate.grace", "P30D");
        values.put("ops.port", String.valueOf(opsPort));
        values.put("ops.host", "127.0.0.1");
        values.put("enrich.threads", String.valueOf(threads()));
        values.forEach((k, v) -> s.addAll(List.of("--set", k + "=" + v)));
        return s;
    }

    private void createTopic(String name, int count) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, count, (short) 1))).all().get();
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true,
                "compression.type", "lz4", "linger.ms", 5), new StringSerializer(), new ByteArraySerializer());
    }

    private void preload(String topic, int articles) {
        SyntheticArticles generator = new SyntheticArticles(42, 0.2, "bulk");
        AtomicLong failures = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            Instant now = Instant.now();
            for (int n = 0; n < articles; n++) {
                RawArticle a = generator.next(n, now);
                producer.send(new ProducerRecord<>(topic, a.id(), Json.writeBytes(a)), (m, e) -> {
                    if (e != null) {
                        failures.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " articles could not be preloaded");
        }
    }

    /** The default rules file with {@code extra} generated analyst rules over 50 tags of their own. */
    private Path extraRulesFile(int extra) throws IOException {
        String defaults;
        try (InputStream in = io.newswatch.enrich.tagging.RuleBook.class.getResourceAsStream(
                "/io/newswatch/enrich/default-rules.yaml")) {
            defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder tags = new StringBuilder();
        for (int t = 0; t < 50; t++) {
            tags.append(String.format(Locale.ROOT, "  ANALYST_%02d:%n    threshold: 1.0%n", t));
        }
        StringBuilder rules = new StringBuilder();
        int n = 0;
        for (var rule : AnalystRules.lucene(AnalystRules.generate(extra, 20261122L)).entrySet()) {
            rules.append(String.format(Locale.ROOT, "  - id: analyst-%s%n    tag: ANALYST_%02d%n    query: '%s'%n",
                    rule.getKey(), n++ % 50, rule.getValue().replace("'", "''")));
        }
        String yaml = defaults.replaceFirst("(?m)^tags:\\n", "tags:\n" + tags) + "\n" + rules;
        Path file = work.resolve("rules-" + extra + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void say(String line) {
        System.out.println(line);
        report.add(line);
    }
}
