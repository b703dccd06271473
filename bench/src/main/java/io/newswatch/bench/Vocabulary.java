package io.newswatch.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Twenty thousand words in order of frequency, drawn with Zipf's law as words are in news text: the commonest
 * English words first, then the words of news reporting, then generated words standing in for the long tail of
 * names and rare words.
 */
public final class Vocabulary {
    static final int SIZE = 20_000;

    private static final String COMMON = "the of and to a in that is was he for it with as his on be at by had not are "
            + "but from or have an they which one you were her all she there would their we him been has when who will "
            + "more no if out so said what up its about into than them can only other new some could time these two "
            + "may then do first any my now such like our over man me even most made after also did many before must "
            + "through back years where much your way well down should because each just those people how too little "
            + "state good very make world still own see men work long get here between both life being under never day "
            + "same another know while last might us great old year off come since against go came right used take three";
    private static final String NEWS = "government minister ministry officials president security forces border troops "
            + "military army defence defense police country countries region regional capital city province district "
            + "village report reports reported according statement spokesman agency news meeting talks summit leaders "
            + "foreign affairs cooperation agreement treaty alliance bloc member members countries economic economy "
            + "trade budget money billion million percent prices market oil gas energy water river valley mountain "
            + "road bridge attack attacks killed wounded militants fighters group groups terrorist terrorism threat "
            + "threats drills exercises weapons equipment helicopters vehicles supplies aid assistance support training "
            + "soldiers guards post posts checkpoint crossing refugees humanitarian crisis conflict war peace ceasefire "
            + "election elections parliament court law prison arrested detained charged sentenced investigation "
            + "opposition protest protests media journalist journalists newspaper television online internet social "
            + "network company companies bank banks loan investment project projects construction school schools "
            + "hospital health doctors virus vaccine weather flood floods earthquake drought harvest wheat cotton "
            + "migrants workers labour remittances currency inflation exports imports customs smuggling drugs heroin "
            + "narcotics seized seizure operation operations intelligence service services commander general colonel "
            + "officer officers base bases airfield aircraft drone drones missile missiles tank tanks convoy patrol "
            + "patrols infiltration insurgents insurgency extremist extremists radical recruitment recruits propaganda "
            + "sanctions embassy ambassador delegation visit visited announced said told added noted stressed warned";

    private static final String[] ONSETS = {"b", "d", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kh",
        "dr", "st", "gr", "br", "tr", "ch"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ia"};
    private static final String[] CODAS = {"", "n", "r", "s", "t", "l", "m", "k", "nd", "st"};

    private final List<String> words;
    private final double[] cumulative;

    public Vocabulary(long seed) {
        Set<String> all = new LinkedHashSet<>(List.of(COMMON.split(" ")));
        all.addAll(List.of(NEWS.split(" ")));
        Random random = new Random(seed);
        while (all.size() < SIZE) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            word.append(CODAS[random.nextInt(CODAS.length)]);
            all.add(word.toString());
        }
        this.words = new ArrayList<>(all);
        this.cumulative = new double[words.size()];
        double sum = 0;
        for (int rank = 0; rank < words.size(); rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < words.size(); rank++) {
            cumulative[rank] /= sum;
        }
    }

    /** A word drawn by Zipf's law over the whole vocabulary. */
    public String zipf(Random random) {
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return words.get(i >= 0 ? i : Math.min(words.size() - 1, -i - 1));
    }

    /** A word of rank at least {@code minRank}, drawn by Zipf's law over the rest (what rules are written with). */
    String zipfFrom(Random random, int minRank) {
        String word;
        do {
            int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            int rank = i >= 0 ? i : Math.min(words.size() - 1, -i - 1);
            word = rank >= minRank ? words.get(rank) : null;
        } while (word == null);
        return word;
    }
}
