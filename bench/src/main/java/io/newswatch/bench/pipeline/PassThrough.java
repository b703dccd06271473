package io.newswatch.bench.pipeline;

import io.newswatch.enrich.EnrichWorker;
import io.newswatch.model.RawArticle;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline: a Kafka Streams app with the same guarantee as enrich (exactly_once_v2, lz4) that parses each raw
 * article with Jackson and writes it on. What enrich does beyond this is what enrich costs.
 * Arguments: bootstrap servers, input topic, output topic, application id, state directory, stream threads.
 */
public final class PassThrough {
    private PassThrough() {
    }

    public static void main(String[] args) throws InterruptedException {
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, args[3]);
        props.put(StreamsConfig.STATE_DIR_CONFIG, args[4]);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        props.putAll(EnrichWorker.STREAMS_TUNING);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.parseInt(args[5]));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(args[1], Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(PassThrough::reserialise)
                .to(args[2], Produced.with(Serdes.String(), Serdes.ByteArray()));
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }));
        streams.start();
        stopped.await();
    }

    private static byte[] reserialise(byte[] value) {
        try {
            return Json.writeBytes(Json.read(value, RawArticle.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
