package io.newswatch.bench.pipeline;

import io.newswatch.bench.Vocabulary;
import io.newswatch.model.ContentHash;
import io.newswatch.model.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Distinct generated news articles of about 4.5 KB: sentences of Zipf-distributed words; a given share of them also
 * carry sentences on the watched topics, so the default rules tag them and raise alerts. Reproducible from a seed.
 */
final class SyntheticArticles {
    static final int BODY_CHARS = 4_500;
    private static final List<String> WATCHED = List.of(
            "Fighters of the Islamic State were reported near the Tajik-Afghan border this week.",
            "The CSTO held joint exercises with troops from several member states.",
            "Moscow promised military aid to Dushanbe, including helicopters and armoured vehicles.",
            "Guards on the border with Afghanistan detained a group of armed men near the Panj river.",
            "An ISIS cell claimed the attack on the checkpoint, officials said.");

    private final Vocabulary vocabulary;
    private final Random random;
    private final double taggedShare;
    private final String run;

    SyntheticArticles(long seed, double taggedShare, String run) {
        this.vocabulary = new Vocabulary(seed);
        this.random = new Random(seed);
        this.taggedShare = taggedShare;
        this.run = run;
    }

    /** The {@code n}th article; published within the last days, so counts spread over windows. */
    RawArticle next(int n, Instant now) {
        StringBuilder body = new StringBuilder();
        boolean tagged = random.nextDouble() < taggedShare;
        int watched = tagged ? 1 + random.nextInt(2) : 0;
        while (body.length() < BODY_CHARS) {
            if (watched > 0 && random.nextDouble() < 0.2) {
                body.append(WATCHED.get(random.nextInt(WATCHED.size()))).append(' ');
                watched--;
            } else {
                body.append(sentence(8 + random.nextInt(18))).append(' ');
            }
            if (random.nextDouble() < 0.15) {
                body.append("\n\n");
            }
        }
        String title = sentence(6 + random.nextInt(6));
        String id = run + "-" + n;
        Instant published = now.minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
        return new RawArticle(id, "https://bench.test/" + id, "Source " + random.nextInt(40), title, null, null,
                published, now, "en", body.toString().strip(), ContentHash.sha256(title + "\n\n" + body),
                RawArticle.SCHEMA_VERSION);
    }

    private String sentence(int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = vocabulary.zipf(random);
            s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            s.append(w == words - 1 ? "." : random.nextDouble() < 0.08 ? ", " : " ");
        }
        return s.toString();
    }
}
