package io.newswatch.enrich.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinHashTest {
    private static List<String> words(Random random, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("w" + random.nextInt(50_000));
        }
        return out;
    }

    private static Set<String> shingles(List<String> words) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + 3)));
        }
        return out;
    }

    @Test
    void estimatesTheJaccardSimilarityOfThreeWordShingles() {
        Random random = new Random(11);
        for (int keep : new int[] {0, 100, 300, 500, 650, 750}) {
            List<String> a = words(random, 800);
            List<String> b = new ArrayList<>(a.subList(0, keep));
            b.addAll(words(random, 800 - keep));
            Set<String> sa = shingles(a);
            Set<String> sb = shingles(b);
            Set<String> union = new HashSet<>(sa);
            union.addAll(sb);
            Set<String> both = new HashSet<>(sa);
            both.retainAll(sb);
            double jaccard = (double) both.size() / union.size();
            double estimate = MinHash.similarity(MinHash.of(String.join(" ", a)), MinHash.of(String.join(" ", b)));
            assertEquals(jaccard, estimate, 0.15, "kept " + keep + " of 800 words");
        }
    }

    @Test
    void aCopyWithAFewWordsChangedIsSimilarAndAnotherTextIsNot() {
        String a = "The CSTO held joint exercises with troops from several member states in the south of the "
                + "country on Tuesday, the defence ministry said in a statement after the drills ended.";
        String b = a.replace("Tuesday", "Wednesday");
        String c = "Bread prices rose in the capital this week as flour and oil cost more in the city's markets.";
        assertTrue(MinHash.similarity(MinHash.of(a), MinHash.of(b)) > 0.6);
        assertTrue(MinHash.similarity(MinHash.of(a), MinHash.of(c)) < 0.2);
        assertEquals(1.0, MinHash.similarity(MinHash.of(a), MinHash.of(a)));
    }

    @Test
    void foldsCaseWidthAndYoSoTheSameWordsGiveTheSameSignature() {
        assertArrayEquals(MinHash.of("Ёлка у реки Пяндж, ＣＳＴＯ"), MinHash.of("елка у РЕКИ пяндж; csto"));
    }
}
