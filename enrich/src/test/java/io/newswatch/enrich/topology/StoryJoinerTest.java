package io.newswatch.enrich.topology;

import static io.newswatch.enrich.topology.EnrichDriver.T0;
import static io.newswatch.enrich.topology.EnrichDriver.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.story.Placement;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.RawArticle;
import io.newswatch.model.json.Json;
import io.newswatch.model.json.JsonSerde;
import io.newswatch.model.topic.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A placement completes its pending article, or, when the article is no longer pending here, reads it again. */
class StoryJoinerTest {
    @TempDir
    Path stateDir;

    private final PendingArticles pending = new PendingArticles();
    private final Map<Long, RawReader.Record> raw = new HashMap<>();

    private TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("placements", Consumed.with(Serdes.String(), new JsonSerde<>(Placement.class)))
                .processValues(() -> new StoryJoiner(pending, (partition, offset) -> raw.get(offset),
                        () -> EnrichDriver.ANALYZER, ArticleLimits.defaults()))
                .to("enriched", Produced.with(Serdes.String(), SerializedArticle.SERDE));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "joiner-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new TopologyTestDriver(builder.build(), props);
    }

    private static EnrichedArticle read(TestOutputTopic<String, EnrichedArticle> out) {
        return out.readValue();
    }

    @Test
    void shouldCompleteThePendingArticleWithItsStory() {
        RawArticle a = article("a1", "CSTO ministers meet", "The bloc discussed its forces.", T0);
        EnrichedArticle analysed = ArticleEnricher.enrich(EnrichDriver.ANALYZER, a, false, T0);
        pending.keep(analysed, Json.writeBytes(analysed));
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, Placement> in = d.createInputTopic("placements", new StringSerializer(),
                    new JsonSerde<>(Placement.class).serializer());
            TestOutputTopic<String, EnrichedArticle> out = d.createOutputTopic("enriched",
                    Topics.ENRICHED.keySerde().deserializer(), Topics.ENRICHED.valueSerde().deserializer());
            in.pipeInput("a1", new Placement("a1", "story-9", "a0", a.contentHash(), 0, 5));
            EnrichedArticle done = read(out);
            assertEquals("story-9", done.storyId());
            assertEquals("a0", done.duplicateOf());
            assertEquals(analysed.tags(), done.tags());
            assertEquals(0, pending.size());
        }
    }

    @Test
    void shouldReadAnArticleAgainWhenItIsNoLongerPendingHere() {
        RawArticle a = article("a1", "CSTO ministers meet", "The bloc discussed its forces.", T0);
        raw.put(7L, new RawReader.Record("a1", Json.writeBytes(a), T0.toEpochMilli()));
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, Placement> in = d.createInputTopic("placements", new StringSerializer(),
                    new JsonSerde<>(Placement.class).serializer());
            TestOutputTopic<String, EnrichedArticle> out = d.createOutputTopic("enriched",
                    Topics.ENRICHED.keySerde().deserializer(), Topics.ENRICHED.valueSerde().deserializer());
            in.pipeInput("a1", new Placement("a1", "a1", null, a.contentHash(), 0, 7));
            EnrichedArticle done = read(out);
            assertEquals("a1", done.storyId());
            assertEquals(java.util.List.of("CSTO"), done.tagNames(), "analysed again, as the first time");
        }
    }

    @Test
    void shouldNotTakeADifferentVersionThatIsPendingForItsOwnPlacement() {
        RawArticle v1 = article("a1", "CSTO ministers meet", "The bloc discussed its forces.", T0);
        RawArticle v2 = article("a1", "CSTO ministers meet", "The bloc discussed its forces again.", T0);
        EnrichedArticle second = ArticleEnricher.enrich(EnrichDriver.ANALYZER, v2, false, T0);
        pending.keep(second, Json.writeBytes(second));
        raw.put(3L, new RawReader.Record("a1", Json.writeBytes(v1), T0.toEpochMilli()));
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, Placement> in = d.createInputTopic("placements", new StringSerializer(),
                    new JsonSerde<>(Placement.class).serializer());
            TestOutputTopic<String, EnrichedArticle> out = d.createOutputTopic("enriched",
                    Topics.ENRICHED.keySerde().deserializer(), Topics.ENRICHED.valueSerde().deserializer());
            in.pipeInput("a1", new Placement("a1", "a1", null, v1.contentHash(), 0, 3));
            assertEquals(v1.body(), read(out).body());
            assertEquals(1, pending.size(), "the newer version still waits for its own placement");
            in.pipeInput("a1", new Placement("a1", "a1", null, v2.contentHash(), 0, 4));
            assertTrue(read(out).body().endsWith("again."));
        }
    }
}
