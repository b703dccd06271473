package io.newswatch.enrich.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.topology.StageEntry;
import io.newswatch.enrich.topology.StageTimes;
import io.newswatch.model.dlq.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record whose result the producer refused is remembered by the exception handler and dead-lettered by the guard
 * when the aborted transaction reads it again; every other record goes on.
 */
class PoisonRecordsTest {
    @TempDir
    Path stateDir;

    /** What Kafka Streams tells the handler about the record being processed. */
    private record Context(String topic, int partition, long offset) implements ErrorHandlerContext {
        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "test";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, partition);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return null;
        }

        @Override
        public byte[] sourceRawValue() {
            return null;
        }
    }

    @Test
    void aRecordWhoseResultWasRefusedOnTheStreamThreadIsRemembered() throws InterruptedException {
        PoisonRecords poison = new PoisonRecords();
        DeadLetterExceptionHandler handler = new DeadLetterExceptionHandler();
        handler.configure(java.util.Map.of(PoisonRecords.CONFIG, poison));
        ProducerRecord<byte[], byte[]> refused = new ProducerRecord<>("out", new byte[1]);
        AtomicReference<Object> response = new AtomicReference<>();
        Thread streamThread = new Thread(() -> response.set(handler.handleError(new Context("in", 0, 7), refused,
                new RecordTooLargeException("too large"))), "app-StreamThread-1");
        streamThread.start();
        streamThread.join();
        assertTrue(poison.reason("in", 0, 7).contains("could not be written: too large"));

        Thread network = new Thread(() -> handler.handleError(new Context("in", 0, 8), refused,
                new RecordTooLargeException("too large")), "kafka-producer-network-thread");
        network.start();
        network.join();
        assertNull(poison.reason("in", 0, 8), "a refusal from the network thread cannot be traced to its record");
    }

    @Test
    void theGuardDeadLettersARememberedRecordAndPassesTheRest() {
        PoisonRecords poison = new PoisonRecords();
        poison.add("in", 0, 1, "its result for out could not be written: too large");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(() -> new StageEntry<>(poison, new StageTimes(), "analyse"))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "poison-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class.getName());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(),
                    new StringDeserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic("dlq",
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
            in.pipeInput("a", "first");
            in.pipeInput("b", "poison");
            in.pipeInput("c", "third");
            assertEquals(java.util.List.of("first", "third"), out.readValuesToList());
            TestRecord<byte[], byte[]> dead = dlq.readRecord();
            assertEquals("poison", new String(dead.value(), StandardCharsets.UTF_8));
            assertTrue(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8)
                    .contains("could not be written"));
        }
    }
}
