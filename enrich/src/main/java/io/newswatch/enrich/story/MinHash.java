package io.newswatch.enrich.story;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * MinHash signatures of a text's 3-word shingles. Two signatures agree in a share of positions that estimates the
 * Jaccard similarity of the two shingle sets, so a reworded or re-edited copy of a wire story is found without
 * keeping its text. The hash functions are fixed, so signatures agree across instances and restarts.
 *
 * <p>One permutation hashing (Li, Owen and Zhang 2012) with optimal densification (Shrivastava 2017): each shingle is
 * hashed once and lands in one of the {@link #SIZE} bins, which keeps its smallest value; an empty bin borrows the
 * value of the bin a fixed probe sequence finds first. This estimates the same similarity as {@link #SIZE}
 * independent hash functions at a sixty-fourth of the cost per shingle.
 */
public final class MinHash {
    public static final int SIZE = 64;
    private static final int SHINGLE_WORDS = 3;
    private static final long[] SEEDS = new SplittableRandom(0x6e657773L).longs(SIZE).toArray();
    private static final int BIN_BITS = Integer.numberOfTrailingZeros(SIZE);
    private static final long VALUE_MASK = (1L << (64 - BIN_BITS)) - 1;
    private static final long EMPTY = Long.MAX_VALUE;

    private MinHash() {
    }

    public static long[] of(String text) {
        long[] bins = new long[SIZE];
        java.util.Arrays.fill(bins, EMPTY);
        long[] shingles = shingleHashes(text);
        for (long shingle : shingles) {
            long h = mix(shingle ^ SEEDS[0]);
            int bin = (int) (h >>> (64 - BIN_BITS));
            long value = h & VALUE_MASK;
            if (value < bins[bin]) {
                bins[bin] = value;
            }
        }
        if (shingles.length == 0) {
            return bins;
        }
        long[] signature = bins.clone();
        for (int i = 0; i < SIZE; i++) {
            if (bins[i] == EMPTY) {
                signature[i] = borrow(bins, i);
            }
        }
        return signature;
    }

    /** The value of the first non-empty bin in bin {@code i}'s fixed probe sequence. */
    private static long borrow(long[] bins, int i) {
        for (long attempt = 1; attempt <= 4 * SIZE * SIZE; attempt++) {
            int j = (int) (mix(SEEDS[i] + attempt) >>> (64 - BIN_BITS));
            if (bins[j] != EMPTY) {
                return bins[j];
            }
        }
        for (long value : bins) { // not reached in practice: a probe sequence this long misses every full bin
            if (value != EMPTY) {
                return value;
            }
        }
        return EMPTY;
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

    /**
     * The hashes of the text's 3-word shingles, each the FNV-1a hash of the three words joined by spaces,
     * worked out over the folded text in place: no word or shingle string is made.
     */
    private static long[] shingleHashes(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
        int[] starts = new int[64];
        int[] ends = new int[64];
        int words = 0;
        int i = 0;
        while (i < folded.length()) {
            int cp = folded.codePointAt(i);
            if (isWordChar(cp)) {
                int start = i;
                do {
                    i += Character.charCount(cp);
                } while (i < folded.length() && isWordChar(cp = folded.codePointAt(i)));
                if (words == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, words * 2);
                    ends = java.util.Arrays.copyOf(ends, words * 2);
                }
                starts[words] = start;
                ends[words++] = i;
            } else {
                i += Character.charCount(cp);
            }
        }
        int span = words < SHINGLE_WORDS ? 1 : SHINGLE_WORDS; // a text of one or two words: each word alone
        int count = words < SHINGLE_WORDS ? words : words - SHINGLE_WORDS + 1;
        long[] hashes = new long[count];
        for (int w = 0; w < count; w++) {
            long h = FNV_OFFSET;
            for (int k = 0; k < span; k++) {
                if (k > 0) {
                    h = (h ^ ' ') * FNV_PRIME;
                }
                for (int c = starts[w + k]; c < ends[w + k]; c++) {
                    h = (h ^ folded.charAt(c)) * FNV_PRIME;
                }
            }
            hashes[w] = h;
        }
        return hashes; // a shingle seen twice changes no minimum: no need to remove repeats
    }

    /** What the pattern {@code [\p{L}\p{N}]} takes: letters and every kind of number character. */
    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z';
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** A 64-bit finaliser (from SplitMix64): spreads near-identical inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
