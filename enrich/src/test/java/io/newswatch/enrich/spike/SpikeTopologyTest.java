package io.newswatch.enrich.spike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.topology.EnrichDriver;
import io.newswatch.model.Alert;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spike alerts with the default options: at least 5 articles and 3 times the tag's usual count for that hour of the
 * week, after a 7-day warm-up.
 */
class SpikeTopologyTest {
    private static final Instant TUESDAY_8AM = Instant.parse("2026-02-03T08:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final List<String> WORDS = List.of("province", "village", "governor", "police", "attack",
            "convoy", "market", "checkpoint", "statement", "officials", "night", "district", "road", "soldiers",
            "residents", "claimed", "mosque", "prison", "raid", "border", "valley", "bridge", "school", "clinic",
            "election", "court", "militia", "tribal", "elders", "funeral", "wedding", "truck", "bomb", "arrest",
            "camp", "refugees", "drone", "helicopter", "ambush", "hostage", "ransom", "cell", "recruits", "online");

    @TempDir
    Path stateDir;
    private EnrichDriver d;
    private int next;

    @BeforeEach
    void start() {
        d = new EnrichDriver(stateDir);
    }

    @AfterEach
    void stop() {
        d.close();
    }

    /** {@code n} different articles on the Islamic State, published in the hour starting at {@code hour}. */
    private void publishIsArticles(int n, Instant hour) {
        for (int i = 0; i < n; i++) {
            Random random = new Random(next);
            StringBuilder body = new StringBuilder("Report " + next + ":");
            for (int w = 0; w < 25; w++) {
                body.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
            }
            Instant published = hour.plus(Duration.ofMinutes(i % 60));
            d.send(EnrichDriver.article("is-" + next++, "Islamic State militants strike again", body + ".", published),
                    published);
        }
    }

    private List<Alert> spikes() {
        return d.alerts.readValuesToList().stream().filter(a -> a.kind().equals(Alert.SPIKE)).toList();
    }

    @Test
    void shouldNotCryWolfDuringTheWarmUp() {
        publishIsArticles(1, TUESDAY_8AM);
        publishIsArticles(20, TUESDAY_8AM.plus(Duration.ofDays(3)));
        assertEquals(List.of(), spikes(), "three days of history is no baseline");
    }

    @Test
    void shouldNotRaiseASpikeBeforeTheWarmUpEndsEvenWithABaselineWeek() {
        // A warm-up of two weeks and a full week of history: the baseline exists, only the warm-up holds it back.
        d.close();
        SpikeOptions defaults = SpikeOptions.defaults();
        d = new EnrichDriver(stateDir.resolve("warm"), io.newswatch.enrich.alert.AlertRuleBook.defaults(),
                io.newswatch.enrich.topology.EnrichOptions.defaults().withSpike(new SpikeOptions(defaults.ratio(),
                        defaults.minCount(), defaults.floor(), Duration.ofDays(14), defaults.baselineWeeks(),
                        defaults.severity())));
        publishIsArticles(1, TUESDAY_8AM);
        publishIsArticles(10, TUESDAY_8AM.plus(WEEK));
        assertEquals(List.of(), spikes(), "one week watched, two weeks of warm-up");
        publishIsArticles(20, TUESDAY_8AM.plus(WEEK.multipliedBy(2)));
        assertEquals(1, spikes().stream().map(Alert::alertId).distinct().count(),
                "after the warm-up a jump over the baseline (mean 5.5) is a spike");
    }

    @Test
    void shouldRaiseASpikeWhenAnHourFarExceedsItsBaselineAndUpdateItAsTheHourGrows() {
        for (int week = 0; week < 4; week++) {
            publishIsArticles(1, TUESDAY_8AM.plus(WEEK.multipliedBy(week)));
        }
        Instant spikeHour = TUESDAY_8AM.plus(WEEK.multipliedBy(4));
        publishIsArticles(4, spikeHour);
        assertEquals(List.of(), spikes(), "4 articles is below the minimum count");
        publishIsArticles(1, spikeHour);
        List<Alert> raised = spikes();
        assertEquals(1, raised.size());
        Alert spike = raised.get(0);
        assertEquals("spike:IS:" + spikeHour, spike.alertId());
        assertEquals(5, spike.articleCount());
        assertEquals(List.of("IS"), spike.tags());
        assertTrue(spike.reason().contains("5 articles") && spike.reason().contains("usual 1.0"), spike.reason());

        publishIsArticles(2, spikeHour);
        List<Alert> updates = spikes();
        assertEquals(List.of(2, 3), updates.stream().map(Alert::version).toList(), "the same alert, updated");
        assertEquals(7, updates.get(1).articleCount());
    }

    @Test
    void shouldNotRaiseASpikeWhenTheHourIsAsBusyAsUsual() {
        for (int week = 0; week < 4; week++) {
            publishIsArticles(4, TUESDAY_8AM.plus(WEEK.multipliedBy(week)));
        }
        publishIsArticles(6, TUESDAY_8AM.plus(WEEK.multipliedBy(4)));
        assertEquals(List.of(), spikes(), "6 against a usual 4 is no spike");
    }

    @Test
    void shouldNotCountCopiesOfOneArticleAsASpike() {
        for (int week = 0; week < 2; week++) {
            publishIsArticles(1, TUESDAY_8AM.plus(WEEK.multipliedBy(week)));
        }
        Instant hour = TUESDAY_8AM.plus(WEEK.multipliedBy(2));
        for (int copy = 0; copy < 10; copy++) {
            d.send(EnrichDriver.article("copy-" + copy, "Islamic State militants strike again",
                    "The same wire story about the Islamic State, republished word for word by many sites.", hour),
                    hour.plusSeconds(copy));
        }
        assertEquals(List.of(), spikes());
    }
}
