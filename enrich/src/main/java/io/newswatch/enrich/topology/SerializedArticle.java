package io.newswatch.enrich.topology;

import io.newswatch.model.EnrichedArticle;
import io.newswatch.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An enriched article with its JSON, made once: the article was serialised when it went into the pending store,
 * and completing it with its story only splices the story fields into that JSON, instead of serialising the whole
 * article (its body, tags and evidence) a second time for the enriched topic.
 */
record SerializedArticle(EnrichedArticle article, byte[] json) {
    /** What the pending JSON holds before the story is known: Jackson writes the fields in declaration order. */
    private static final byte[] NO_STORY = "\"story_id\":null,\"duplicate_of\":null".getBytes(StandardCharsets.UTF_8);

    /** Writes the JSON as it is. Read back as {@link EnrichedArticle} from the topic. */
    static final Serde<SerializedArticle> SERDE = Serdes.serdeFrom(
            (topic, article) -> article == null ? null : article.json(),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("enriched articles are read as EnrichedArticle");
            });

    /**
     * The pending article placed in its story, with {@code pendingJson} (its JSON before the story was known)
     * completed. Inside JSON strings a quote is escaped, so the unescaped story fields occur once, as fields.
     */
    static SerializedArticle placed(EnrichedArticle pending, byte[] pendingJson, String storyId, String duplicateOf) {
        EnrichedArticle placed = pending.inStory(storyId, duplicateOf);
        int at = indexOf(pendingJson, NO_STORY);
        if (at < 0) {
            return new SerializedArticle(placed, Json.writeBytes(placed));
        }
        byte[] story = ("\"story_id\":" + Json.write(storyId) + ",\"duplicate_of\":" + Json.write(duplicateOf))
                .getBytes(StandardCharsets.UTF_8);
        byte[] json = new byte[pendingJson.length - NO_STORY.length + story.length];
        System.arraycopy(pendingJson, 0, json, 0, at);
        System.arraycopy(story, 0, json, at, story.length);
        System.arraycopy(pendingJson, at + NO_STORY.length, json, at + story.length,
                pendingJson.length - at - NO_STORY.length);
        return new SerializedArticle(placed, json);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) { // the story fields sit near the end
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerializedArticle other && article.equals(other.article) && Arrays.equals(json, other.json);
    }

    @Override
    public int hashCode() {
        return article.hashCode() * 31 + Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return "SerializedArticle[" + article.id() + ", " + json.length + " bytes]";
    }
}
