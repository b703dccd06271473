package io.newswatch.enrich.story;

import io.newswatch.enrich.alert.StoryArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each article its story: a copy joins the story of the article it repeats (and names it in
 * {@code duplicate_of}), a report of the same event joins that event's story, anything else starts a story of its
 * own, named by its id. An article seen again (a revision) keeps its story.
 *
 * <p>Every article must be compared with every recent one, so this stage runs on a single partition; it receives
 * only {@link StoryCandidate}s (signatures made on the articles' own partitions) and only looks up and hashes bands.
 * Signatures live in a changelogged store (the in-memory index is rebuilt from it after a restart or rebalance) and
 * are dropped after the retention period, counted in record time.
 */
public final class StoryClusterer implements FixedKeyProcessor<String, StoryCandidate, Placed> {
    public static final String STORE = "story-signatures";
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(StoryClusterer.class);

    private final StoryOptions options;
    private long evictions;
    private final StoryIndex index;
    private FixedKeyProcessorContext<String, Placed> context;
    private KeyValueStore<String, StorySignature> store;

    public StoryClusterer(StoryOptions options) {
        this.options = options;
        this.index = new StoryIndex(options.maxArticles());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Placed> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        try (KeyValueIterator<String, StorySignature> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, StorySignature> entry = all.next();
                index.add(entry.value).forEach(store::delete);
            }
        }
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::purge);
    }

    @Override
    public void process(FixedKeyRecord<String, StoryCandidate> record) {
        StoryCandidate candidate = record.value();
        Instant now = Instant.ofEpochMilli(record.timestamp());
        StorySignature previous = index.get(candidate.articleId());
        StoryIndex.Placement placement = previous != null
                ? new StoryIndex.Placement(previous.storyId(), previous.duplicateOf())
                : index.place(candidate.signature(null, null, now), options);
        StorySignature placed = candidate.signature(placement.storyId(), placement.duplicateOf(),
                previous != null ? previous.storedAt() : now);
        store.put(candidate.articleId(), placed);
        List<String> forgotten = index.add(placed);
        forgotten.forEach(store::delete);
        if (!forgotten.isEmpty() && Long.bitCount(++evictions) == 1) {
            LOG.warn("story stage holds enrich.story.max.articles ({}) articles: the oldest are forgotten before their "
                    + "retention ({} so far)", options.maxArticles(), evictions);
        }
        StoryArticle article = candidate.article() == null ? null : candidate.article().inStory(placement.storyId());
        context.forward(record.withValue(new Placed(new Placement(candidate.articleId(), placement.storyId(),
                placement.duplicateOf(), candidate.contentHash(), candidate.sourcePartition(),
                candidate.sourceOffset()), article)));
    }

    private void purge(long streamTime) {
        Instant now = Instant.ofEpochMilli(streamTime);
        for (String id : index.storedBefore(now.minus(options.retention()), now.minus(options.untaggedRetention()))) {
            index.remove(id);
            store.delete(id);
        }
    }
}
