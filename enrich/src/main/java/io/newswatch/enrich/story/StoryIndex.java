package io.newswatch.enrich.story;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The articles a story stage remembers, indexed three ways: by content hash (exact copies), by MinHash bands
 * (locality-sensitive hashing: a copy shares at least one band with high probability, so only a few candidates are
 * compared; see {@link BandIndex}), and by event-sized amount. Held in memory, rebuilt from the changelogged store on
 * start-up, and bounded: articles are kept in the order they came, and beyond {@code maxArticles} the oldest go.
 */
final class StoryIndex {
    /** 32 bands of 2 rows: at similarity 0.5 a copy shares a band with probability 1 - 0.75^32 > 0.9998. */
    private static final int ROWS = 2;

    private final int maxArticles;
    private final LinkedHashMap<String, Indexed> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> byContentHash = new HashMap<>();
    private final Map<String, List<String>> byAmount = new HashMap<>();
    private final BandIndex bands = new BandIndex();
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private String[] idBySlot = new String[64];
    private int nextSlot;

    private record Indexed(StorySignature signature, int slot, long[] bands) {
    }

    /** Where an article belongs. {@code duplicateOf} is null unless it is a copy. */
    record Placement(String storyId, String duplicateOf) {
    }

    StoryIndex(int maxArticles) {
        this.maxArticles = maxArticles;
    }

    StorySignature get(String articleId) {
        Indexed i = byId.get(articleId);
        return i == null ? null : i.signature();
    }

    int size() {
        return byId.size();
    }

    /** Adds (or replaces) an article; returns the ids of the oldest articles forgotten to stay within bounds. */
    List<String> add(StorySignature s) {
        remove(s.articleId());
        int slot = freeSlots.isEmpty() ? nextSlot++ : freeSlots.pop();
        if (slot >= idBySlot.length) {
            idBySlot = Arrays.copyOf(idBySlot, idBySlot.length * 2);
        }
        idBySlot[slot] = s.articleId();
        long[] articleBands = bands(s.minHash());
        byId.put(s.articleId(), new Indexed(s, slot, articleBands));
        bands.add(slot, articleBands);
        if (s.contentHash() != null) {
            byContentHash.computeIfAbsent(s.contentHash(), k -> new ArrayList<>(1)).add(s.articleId());
        }
        for (String amount : s.amounts()) {
            byAmount.computeIfAbsent(amount, k -> new ArrayList<>(1)).add(s.articleId());
        }
        List<String> forgotten = new ArrayList<>();
        Iterator<String> oldest = byId.keySet().iterator();
        for (int excess = byId.size() - maxArticles; excess > 0 && oldest.hasNext(); excess--) {
            forgotten.add(oldest.next());
        }
        forgotten.forEach(this::remove);
        return forgotten;
    }

    void remove(String articleId) {
        Indexed i = byId.remove(articleId);
        if (i == null) {
            return;
        }
        StorySignature s = i.signature();
        bands.remove(i.slot(), i.bands());
        idBySlot[i.slot()] = null;
        freeSlots.push(i.slot());
        if (s.contentHash() != null) {
            unlink(byContentHash, s.contentHash(), articleId);
        }
        for (String amount : s.amounts()) {
            unlink(byAmount, amount, articleId);
        }
    }

    /** Ids of the articles stored before {@code cutoff}, and of untagged ones stored before {@code untaggedCutoff}. */
    List<String> storedBefore(Instant cutoff, Instant untaggedCutoff) {
        List<String> out = new ArrayList<>();
        for (Indexed i : byId.values()) {
            StorySignature s = i.signature();
            if (s.storedAt().isBefore(s.tags().isEmpty() ? untaggedCutoff : cutoff)) {
                out.add(s.articleId());
            }
        }
        return out;
    }

    /** The story of a new article: the first copy it repeats, else an earlier report of the same event, else its own. */
    Placement place(StorySignature article, StoryOptions options) {
        Optional<StorySignature> copy = exactCopy(article).or(() -> nearCopy(article, options.nearDuplicate()));
        if (copy.isPresent()) {
            return new Placement(copy.get().storyId(), copy.get().original());
        }
        return sameEvent(article, options)
                .map(report -> new Placement(report.storyId(), null))
                .orElse(new Placement(article.articleId(), null));
    }

    private Optional<StorySignature> exactCopy(StorySignature article) {
        if (article.contentHash() == null) {
            return Optional.empty();
        }
        return candidates(byContentHash.get(article.contentHash()), article).stream().min(EARLIEST);
    }

    private Optional<StorySignature> nearCopy(StorySignature article, double threshold) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (long band : bands(article.minHash())) {
            bands.forEach(band, slot -> ids.add(idBySlot[slot]));
        }
        StorySignature best = null;
        double bestSimilarity = threshold;
        for (StorySignature candidate : candidates(ids, article)) {
            double similarity = MinHash.similarity(article.minHash(), candidate.minHash());
            if (similarity > bestSimilarity || similarity == bestSimilarity
                    && (best == null || EARLIEST.compare(candidate, best) < 0)) {
                best = candidate;
                bestSimilarity = similarity;
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<StorySignature> sameEvent(StorySignature article, StoryOptions options) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String amount : article.amounts()) {
            ids.addAll(byAmount.getOrDefault(amount, List.of()));
        }
        return candidates(ids, article).stream()
                .filter(other -> other.tags().stream().anyMatch(article.tags()::contains))
                .filter(other -> other.distance(article).compareTo(options.eventWindow()) <= 0)
                .min(EARLIEST);
    }

    private List<StorySignature> candidates(java.util.Collection<String> ids, StorySignature article) {
        List<StorySignature> out = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                Indexed i = id == null || id.equals(article.articleId()) ? null : byId.get(id);
                if (i != null) {
                    out.add(i.signature());
                }
            }
        }
        return out;
    }

    private static final Comparator<StorySignature> EARLIEST = Comparator.comparing(StorySignature::storedAt)
            .thenComparing(StorySignature::articleId);

    private static long[] bands(long[] minHash) {
        long[] out = new long[BandIndex.BANDS];
        for (int b = 0; b < out.length && b * ROWS + ROWS <= minHash.length; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = h * 0x9E3779B97F4A7C15L + minHash[b * ROWS + r];
            }
            out[b] = h;
        }
        return out;
    }

    private static void unlink(Map<String, List<String>> index, String key, String id) {
        List<String> ids = index.get(key);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
