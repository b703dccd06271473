package io.newswatch.enrich.story;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Which articles have a given MinHash band, in flat arrays: an open-addressing table from band hash to the first of
 * a chain of postings, a posting being (article slot, band number). A map of sets would cost some 8 KB per article
 * for its 32 bands; this costs well under 1 KB. Not thread-safe: the story stage is one task.
 */
final class BandIndex {
    static final int BANDS = 32;
    private static final int NONE = -1;

    private long[] keys = new long[1024];
    private int[] heads = new int[1024];
    private int used;
    private int[] next = new int[BANDS * 64];

    BandIndex() {
        Arrays.fill(heads, NONE);
    }

    /** Files the article in {@code slot} under each of its bands. */
    void add(int slot, long[] bands) {
        if ((slot + 1) * BANDS > next.length) {
            next = Arrays.copyOf(next, Math.max(next.length * 2, (slot + 1) * BANDS));
        }
        for (int b = 0; b < BANDS; b++) {
            int i = findOrInsert(bands[b]);
            int posting = slot * BANDS + b;
            next[posting] = heads[i];
            heads[i] = posting;
        }
    }

    /** Takes the article in {@code slot} out of each of its bands. */
    void remove(int slot, long[] bands) {
        for (int b = 0; b < BANDS; b++) {
            int i = find(bands[b]);
            if (i < 0) {
                continue;
            }
            int posting = slot * BANDS + b;
            if (heads[i] == posting) {
                heads[i] = next[posting];
            } else {
                for (int p = heads[i]; p != NONE; p = next[p]) {
                    if (next[p] == posting) {
                        next[p] = next[posting];
                        break;
                    }
                }
            }
        }
    }

    /** The slots of the articles that have this band. */
    void forEach(long band, IntConsumer slots) {
        int i = find(band);
        if (i >= 0) {
            for (int p = heads[i]; p != NONE; p = next[p]) {
                slots.accept(p / BANDS);
            }
        }
    }

    /** Band hashes as table keys: 0 marks a free place in the table, so a band hashing to 0 is filed as 1. */
    private static long key(long band) {
        return band == 0 ? 1 : band;
    }

    private int find(long band) {
        long key = key(band);
        int mask = keys.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            if (heads[i] == NONE && keys[i] == 0) {
                return -1;
            }
            if (keys[i] == key) {
                return i;
            }
        }
    }

    private int findOrInsert(long band) {
        long key = key(band);
        int found = find(band);
        if (found >= 0) {
            return found;
        }
        if ((used + 1) * 10 > keys.length * 6) {
            rebuild();
        }
        int mask = keys.length - 1;
        int i = spread(key) & mask;
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        used++;
        return i;
    }

    /** Drops bands no article has any more, and grows the table when it is still more than half full. */
    private void rebuild() {
        int live = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0 && heads[i] != NONE) {
                live++;
            }
        }
        int size = keys.length;
        while (live * 2 > size) {
            size *= 2;
        }
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new long[size];
        heads = new int[size];
        Arrays.fill(heads, NONE);
        used = 0;
        int mask = size - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0 && oldHeads[j] != NONE) {
                int i = spread(oldKeys[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                heads[i] = oldHeads[j];
                used++;
            }
        }
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
