package io.newswatch.app.support;

import io.newswatch.broker.EmbeddedKafka;
import java.lang.reflect.Method;

/**
 * The broker the integration tests run against, one per test JVM. By default a real single-node KRaft broker
 * started in-process; with {@code -Dnewswatch.test.broker=testcontainers} a Kafka container (needs a Docker engine).
 * Tests use unique topic names or application ids, so they can share it.
 */
public final class TestKafka {
    private static String bootstrapServers;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            if ("testcontainers".equals(System.getProperty("newswatch.test.broker"))) {
                bootstrapServers = startContainer();
            } else {
                EmbeddedKafka kafka = EmbeddedKafka.start();
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
                bootstrapServers = kafka.bootstrapServers();
            }
        }
        return bootstrapServers;
    }

    /** Through reflection so that the default build does not load Testcontainers' classes at all. */
    private static String startContainer() {
        try {
            Class<?> type = Class.forName("org.testcontainers.kafka.KafkaContainer");
            Object container = type.getConstructor(String.class).newInstance("apache/kafka:4.1.0");
            type.getMethod("start").invoke(container);
            Method bs = type.getMethod("getBootstrapServers");
            return (String) bs.invoke(container);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start a Kafka container: " + e, e);
        }
    }
}
