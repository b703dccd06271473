package io.newswatch.enrich.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The articles a story stage remembers, indexed three ways: by content hash (exact copies), by MinHash bands
 * (locality-sensitive hashing: a copy shares at least one band with high probability, so only a few candidates are
 * compared), and by event-sized amount. Held in memory and rebuilt from the changelogged store on start-up.
 */
final class StoryIndex {
    /** 32 bands of 2 rows: at similarity 0.5 a copy shares a band with probability 1 - 0.75^32 > 0.9998. */
    private static final int ROWS = 2;

    private final Map<String, StorySignature> byId = new HashMap<>();
    private final Map<String, Set<String>> byContentHash = new HashMap<>();
    private final Map<Long, Set<String>> byBand = new HashMap<>();
    private final Map<String, Set<String>> byAmount = new HashMap<>();

    /** Where an article belongs. {@code duplicateOf} is null unless it is a copy. */
    record Placement(String storyId, String duplicateOf) {
    }

    StorySignature get(String articleId) {
        return byId.get(articleId);
    }

    void add(StorySignature s) {
        remove(s.articleId());
        byId.put(s.articleId(), s);
        if (s.contentHash() != null) {
            byContentHash.computeIfAbsent(s.contentHash(), k -> new HashSet<>()).add(s.articleId());
        }
        for (long band : bands(s.minHash())) {
            byBand.computeIfAbsent(band, k -> new HashSet<>()).add(s.articleId());
        }
        for (String amount : s.amounts()) {
            byAmount.computeIfAbsent(amount, k -> new HashSet<>()).add(s.articleId());
        }
    }

    void remove(String articleId) {
        StorySignature s = byId.remove(articleId);
        if (s == null) {
            return;
        }
        if (s.contentHash() != null) {
            unlink(byContentHash, s.contentHash(), articleId);
        }
        for (long band : bands(s.minHash())) {
            unlink(byBand, band, articleId);
        }
        for (String amount : s.amounts()) {
            unlink(byAmount, amount, articleId);
        }
    }

    /** Ids of the articles stored before {@code cutoff}. */
    List<String> storedBefore(Instant cutoff) {
        return byId.values().stream().filter(s -> s.storedAt().isBefore(cutoff)).map(StorySignature::articleId)
                .toList();
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
        Set<String> ids = new HashSet<>();
        for (long band : bands(article.minHash())) {
            ids.addAll(byBand.getOrDefault(band, Set.of()));
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
        Set<String> ids = new HashSet<>();
        for (String amount : article.amounts()) {
            ids.addAll(byAmount.getOrDefault(amount, Set.of()));
        }
        return candidates(ids, article).stream()
                .filter(other -> other.tags().stream().anyMatch(article.tags()::contains))
                .filter(other -> other.distance(article).compareTo(options.eventWindow()) <= 0)
                .min(EARLIEST);
    }

    private List<StorySignature> candidates(Set<String> ids, StorySignature article) {
        List<StorySignature> out = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                if (!id.equals(article.articleId())) {
                    out.add(byId.get(id));
                }
            }
        }
        return out;
    }

    private static final Comparator<StorySignature> EARLIEST = Comparator.comparing(StorySignature::storedAt)
            .thenComparing(StorySignature::articleId);

    private static long[] bands(long[] minHash) {
        long[] bands = new long[minHash.length / ROWS];
        for (int b = 0; b < bands.length; b++) {
            long[] rows = Arrays.copyOfRange(minHash, b * ROWS, b * ROWS + ROWS);
            bands[b] = Arrays.hashCode(rows) * 31L + b;
        }
        return bands;
    }

    private static <K> void unlink(Map<K, Set<String>> index, K key, String id) {
        Set<String> ids = index.get(key);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
