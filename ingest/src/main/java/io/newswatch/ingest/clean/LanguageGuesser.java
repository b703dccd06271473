package io.newswatch.ingest.clean;

import java.util.Locale;
import java.util.Set;

/**
 * Tells English from Russian by their commonest words; anything else (or too little text) stays unknown rather
 * than guessed. Declared languages (HTML {@code lang}, a JSON field) take precedence over this.
 */
public final class LanguageGuesser {
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "in", "is", "that", "for", "on",
            "with", "was", "said", "as", "by", "it", "at", "from", "has", "have", "are");
    private static final Set<String> RUSSIAN = Set.of("и", "в", "на", "что", "не", "с", "по", "как", "это", "из",
            "для", "о", "к", "он", "а", "от", "за", "также", "года", "было");
    private static final int MIN_HITS = 3;

    private LanguageGuesser() {
    }

    public static String guess(String text) {
        int en = 0;
        int ru = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (ENGLISH.contains(word)) {
                en++;
            } else if (RUSSIAN.contains(word)) {
                ru++;
            }
        }
        if (Math.max(en, ru) < MIN_HITS) {
            return null;
        }
        if (en >= 2 * ru) {
            return "en";
        }
        return ru >= 2 * en ? "ru" : null;
    }
}
