package io.newswatch.enrich.topology;

import io.newswatch.enrich.story.Placement;
import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes an article when its placement comes back from the story stage: the enriched article waiting in the
 * pending store gets its story id (and {@code duplicate_of}) and goes on; the pending entry is deleted. The placement
 * comes back to the partition the article was read from, so the article is always in this task's store. A placement
 * whose article is no longer pending (a newer version of it was completed by an earlier placement) is dropped.
 */
public final class StoryJoiner implements FixedKeyProcessor<String, Placement, EnrichedArticle> {
    private static final Logger LOG = LoggerFactory.getLogger(StoryJoiner.class);

    private FixedKeyProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, byte[]> pending;

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.pending = context.getStateStore(ArticleEnricher.PENDING_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Placement> record) {
        Placement placement = record.value();
        byte[] waiting = pending.get(placement.articleId());
        if (waiting == null) {
            LOG.debug("placement of {} found no pending article (a newer version was completed already)",
                    placement.articleId());
            return;
        }
        pending.delete(placement.articleId());
        EnrichedArticle article;
        try {
            article = Json.read(waiting, EnrichedArticle.class);
        } catch (IOException e) {
            throw new UncheckedIOException("pending article " + placement.articleId() + " cannot be read", e);
        }
        context.forward(record.withValue(article.inStory(placement.storyId(), placement.duplicateOf())));
    }
}
