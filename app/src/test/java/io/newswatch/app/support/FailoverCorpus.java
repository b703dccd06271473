package io.newswatch.app.support;

import io.newswatch.model.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Articles for the failover tests: stories of three identical copies on the Islamic State at the Tajik border
 * (one alert each, updated twice), and untagged articles, shuffled with a fixed seed.
 */
public final class FailoverCorpus {
    public static final int STORIES = 8;
    public static final int COPIES = 3;
    public static final int UNTAGGED = 16;
    public static final Instant FETCHED = Instant.parse("2026-03-10T08:00:00Z");
    private static final List<String> WORDS = List.of("province", "village", "governor", "police", "convoy",
            "market", "checkpoint", "statement", "officials", "night", "district", "road", "residents", "mosque",
            "prison", "valley", "bridge", "school", "clinic", "election", "court", "militia", "elders", "truck",
            "arrest", "camp", "refugees", "drone", "helicopter", "ambush", "hostage", "ransom", "recruits", "online");

    private FailoverCorpus() {
    }

    private static String words(Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.toString();
    }

    public static List<RawArticle> articles() {
        List<RawArticle> out = new ArrayList<>();
        for (int s = 0; s < STORIES; s++) {
            Random random = new Random(s);
            String title = "Islamic State fighters seen near the Tajik border, report " + s;
            String body = "Guards on the Tajik-Afghan border reported the group." + words(random, 40) + ".";
            for (int c = 0; c < COPIES; c++) {
                String id = "story" + s + "-copy" + c;
                out.add(new RawArticle(id, "https://outlet" + c + ".test/" + id, "Outlet " + c, title, null, null,
                        null, FETCHED, "en", body, "hash-story-" + s, RawArticle.SCHEMA_VERSION));
            }
        }
        for (int u = 0; u < UNTAGGED; u++) {
            String id = "bread-" + u;
            out.add(new RawArticle(id, "https://bakery.test/" + id, "Bakery News", "Bread prices, week " + u,
                    null, null, null, FETCHED, "en", "Flour" + words(new Random(100 + u), 30) + ".", "hash-" + id,
                    RawArticle.SCHEMA_VERSION));
        }
        Collections.shuffle(out, new Random(7));
        return out;
    }
}
