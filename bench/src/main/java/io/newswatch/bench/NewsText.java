package io.newswatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated English news articles of about 4 KiB: sentences of Zipf-distributed words, and now and then a sentence
 * on one of the watched topics, so the default rules match some articles and not others.
 */
public final class NewsText {
    static final int ARTICLE_BYTES = 4 * 1024;

    private static final List<String> WATCHED = List.of(
            "Fighters of the Islamic State were reported near the Tajik-Afghan border this week.",
            "The CSTO held joint exercises with troops from several member states.",
            "Moscow promised military aid to Dushanbe, including helicopters and armoured vehicles.",
            "Officials said IS militants had crossed the river at night.",
            "Guards on the border with Afghanistan detained a group of armed men.");

    private NewsText() {
    }

    public static List<String> articles(int count, long seed) {
        Vocabulary vocabulary = new Vocabulary(seed);
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            StringBuilder text = new StringBuilder();
            text.append(sentence(vocabulary, random, 8)).append("\n\n");
            while (text.length() < ARTICLE_BYTES) {
                if (random.nextDouble() < 0.04) {
                    text.append(WATCHED.get(random.nextInt(WATCHED.size()))).append(' ');
                } else {
                    text.append(sentence(vocabulary, random, 8 + random.nextInt(18))).append(' ');
                }
            }
            out.add(text.toString());
        }
        return out;
    }

    private static String sentence(Vocabulary vocabulary, Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = vocabulary.zipf(random);
            s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            s.append(w == words - 1 ? "." : random.nextDouble() < 0.08 ? ", " : " ");
        }
        return s.toString();
    }
}
