package io.newswatch.app.demo;

import io.newswatch.broker.EmbeddedKafka;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo's in-process broker, behind a class of its own so that the demo command can be loaded, and say what
 * to run instead, from the workers' jar, which leaves the broker out.
 */
public final class DemoBroker implements AutoCloseable {
    private final EmbeddedKafka kafka;

    private DemoBroker(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    public static DemoBroker start(Path dataDir) {
        return new DemoBroker(EmbeddedKafka.start(dataDir, true, Map.of()));
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() {
        kafka.close();
    }
}
