package io.newswatch.ingest.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Identifies the language of a text from character n-gram profiles of 71 languages (optimaize language-detector,
 * the detector Apache Tika ships). Answers an ISO 639-1 code only when the best language is clearly ahead;
 * short or mixed text stays unknown rather than guessed. Thread-safe; the profiles load once, on first use.
 */
public final class LanguageIdentifier {
    /** Enough text to be sure, little enough to stay fast on a long article. */
    private static final int SAMPLE_CHARS = 3000;
    private static final int MIN_LETTERS = 20;
    private static final double MIN_PROBABILITY = 0.80;

    private LanguageIdentifier() {
    }

    private static final class Holder {
        static final LanguageDetector DETECTOR = build();
        static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingOnLargeText();

        private static LanguageDetector build() {
            try {
                return LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the language profiles", e);
            }
        }
    }

    /** The language of the text, or null when there is too little text or no language stands out. */
    public static String identify(CharSequence text) {
        if (text == null || letters(text) < MIN_LETTERS) {
            return null;
        }
        CharSequence sample = text.length() > SAMPLE_CHARS ? text.subSequence(0, SAMPLE_CHARS) : text;
        List<DetectedLanguage> ranked = Holder.DETECTOR.getProbabilities(Holder.TEXT.forText(sample));
        if (ranked.isEmpty() || ranked.get(0).getProbability() < MIN_PROBABILITY) {
            return null;
        }
        return ranked.get(0).getLocale().getLanguage();
    }

    private static int letters(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length() && n < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
