package io.newswatch.bench.pipeline;

import io.newswatch.broker.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A single-node KRaft broker in a process of its own (so its heap and threads are not the benchmarked worker's),
 * printing {@code BOOTSTRAP=host:port} once it serves, until it is sent SIGTERM.
 */
public final class BrokerProcess {
    private BrokerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("newswatch-bench-kafka-");
        EmbeddedKafka kafka = EmbeddedKafka.start(dir, true, Map.of("num.partitions", "2",
                "log.retention.bytes", "-1", "log.segment.bytes", String.valueOf(256 * 1024 * 1024)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }));
        System.out.println("BOOTSTRAP=" + kafka.bootstrapServers());
        System.out.flush();
        stopped.await();
    }
}
