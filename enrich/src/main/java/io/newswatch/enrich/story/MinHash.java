package io.newswatch.enrich.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * MinHash signatures of a text's 3-word shingles. Two signatures agree in a share of positions that estimates the
 * Jaccard similarity of the two shingle sets, so a reworded or re-edited copy of a wire story is found without
 * keeping its text. The hash functions are fixed, so signatures agree across instances and restarts.
 */
public final class MinHash {
    public static final int SIZE = 64;
    private static final int SHINGLE_WORDS = 3;
    private static final long[] SEEDS = new SplittableRandom(0x6e657773L).longs(SIZE).toArray();

    private MinHash() {
    }

    public static long[] of(String text) {
        long[] signature = new long[SIZE];
        java.util.Arrays.fill(signature, Long.MAX_VALUE);
        for (long shingle : shingles(text)) {
            for (int i = 0; i < SIZE; i++) {
                long h = mix(shingle ^ SEEDS[i]);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** Estimated Jaccard similarity: the share of positions where the two signatures agree. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }

    static Set<Long> shingles(String text) {
        List<String> words = words(text);
        Set<Long> shingles = new HashSet<>();
        if (words.size() < SHINGLE_WORDS) {
            words.forEach(w -> shingles.add(fnv(w)));
            return shingles;
        }
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            shingles.add(fnv(String.join(" ", words.subList(i, i + SHINGLE_WORDS))));
        }
        return shingles;
    }

    static List<String> words(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
        List<String> words = new ArrayList<>();
        for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A 64-bit finaliser (from SplitMix64): spreads near-identical inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
