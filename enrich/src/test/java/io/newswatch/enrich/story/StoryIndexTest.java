package io.newswatch.enrich.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-memory story index: finds copies among many articles, forgets what it removes, and stays bounded. */
class StoryIndexTest {
    private static final Instant T = Instant.parse("2026-03-10T08:00:00Z");
    private static final StoryOptions OPTIONS = StoryOptions.defaults();

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            s.append("w").append(random.nextInt(100_000)).append(' ');
        }
        return s.toString();
    }

    private static StorySignature signature(String id, String text, int second) {
        return new StorySignature(id, id, null, "h-" + id, MinHash.of(text), List.of(), List.of("CSTO"), null,
                T, T.plusSeconds(second));
    }

    @Test
    void findsACopyAmongThousandsAndForgetsWhatWasRemoved() {
        StoryIndex index = new StoryIndex(100_000);
        Random random = new Random(5);
        String original = text(random);
        index.add(signature("orig", original, 0));
        for (int i = 0; i < 2_000; i++) {
            index.add(signature("other-" + i, text(random), i + 1));
        }
        String copy = original.replace("w", "w").concat(" one more line");
        assertEquals(new StoryIndex.Placement("orig", "orig"), index.place(signature("copy", copy, 9_999), OPTIONS));
        index.remove("orig");
        assertEquals(new StoryIndex.Placement("copy", null), index.place(signature("copy", copy, 9_999), OPTIONS),
                "a removed article is no longer found through its bands");
    }

    @Test
    void keepsAtMostItsMaximumForgettingTheOldestFirst() {
        StoryIndex index = new StoryIndex(100);
        Random random = new Random(9);
        List<String> forgotten = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            forgotten.addAll(index.add(signature("a" + i, text(random), i)));
        }
        assertEquals(100, index.size());
        assertEquals(50, forgotten.size());
        assertEquals("a0", forgotten.get(0));
        assertNull(index.get("a49"));
        assertEquals("a50", index.get("a50").articleId());
    }

    @Test
    void forgetsUntaggedArticlesSoonerThanTaggedOnes() {
        StoryIndex index = new StoryIndex(100);
        Random random = new Random(1);
        index.add(signature("tagged", text(random), 0));
        index.add(new StorySignature("untagged", "untagged", null, "h", MinHash.of(text(random)), List.of(), List.of(),
                null, T, T));
        Instant later = T.plus(Duration.ofDays(2));
        assertEquals(List.of("untagged"), index.storedBefore(later.minus(OPTIONS.retention()),
                later.minus(OPTIONS.untaggedRetention())));
    }
}
