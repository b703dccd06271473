package io.newswatch.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @Test
    void dropsTrackingParametersFragmentsAndDefaultPortsSoOneArticleHasOneUrl() {
        assertEquals("https://news.test/world/border-raid?id=7",
                CanonicalUrl.of("HTTPS://News.Test:443/world/border-raid?utm_source=rss&id=7&fbclid=abc#comments"));
        assertEquals("http://news.test/", CanonicalUrl.of("http://news.test:80"));
        assertEquals("not a url at all", CanonicalUrl.of(" not a url at all "));
    }

    @Test
    void hostGateBacksOffExponentiallyWithoutRetryAfterAndCapsTheWait() {
        TestClock clock = new TestClock(Instant.parse("2026-03-10T08:00:00Z"));
        HostGate gate = new HostGate(clock, Duration.ofSeconds(2), Duration.ofMinutes(1));
        assertEquals(Duration.ofSeconds(4), gate.refused("a.test", null));
        assertEquals(Duration.ofSeconds(8), gate.refused("a.test", null));
        for (int i = 0; i < 10; i++) {
            gate.refused("a.test", null);
        }
        assertEquals(Duration.ofMinutes(1), gate.waitFor("a.test"));
        assertEquals(Duration.ZERO, gate.waitFor("b.test"), "one budget per host");
        clock.advance(Duration.ofMinutes(1));
        gate.sent("a.test");
        assertEquals(Duration.ofSeconds(2), gate.waitFor("a.test"), "an answer resets the back-off");
    }
}
