package io.newswatch.ingest.source;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A source's health as meters, read when scraped (no bookkeeping on the polling path). */
final class SourceMeters {
    private SourceMeters() {
    }

    static void bind(MeterRegistry meters, String source, SourceHealth h, Clock clock) {
        FunctionCounter.builder("newswatch.source.items", h, SourceHealth::items).tag("source", source)
                .description("New articles found").register(meters);
        FunctionCounter.builder("newswatch.source.bytes", h, SourceHealth::bytes).tag("source", source)
                .baseUnit("bytes").description("Bytes of feeds and listings fetched").register(meters);
        FunctionCounter.builder("newswatch.source.extraction.failures", h, SourceHealth::extractionFailures)
                .tag("source", source).description("Pages whose article could not be extracted").register(meters);
        Gauge.builder("newswatch.source.consecutive.failures", h, SourceHealth::consecutiveFailures)
                .tag("source", source).description("Polls failed in a row (0 when healthy)").register(meters);
        Gauge.builder("newswatch.source.since.success", h, x -> since(x.lastSuccess(), clock))
                .tag("source", source).baseUnit("seconds").description("Seconds since the last good poll (-1: never)")
                .register(meters);
        Gauge.builder("newswatch.source.since.new.item", h, x -> since(x.lastNewItem(), clock))
                .tag("source", source).baseUnit("seconds").description("Seconds since the last new article (-1: never)")
                .register(meters);
        for (String reason : new String[] {"rejected", "disallowed", "failed"}) {
            FunctionCounter.builder("newswatch.source.pages.not.taken", h,
                            x -> x.rejections().getOrDefault(reason, 0L))
                    .tag("source", source).tag("reason", reason)
                    .description("Pages refused by policy, disallowed by robots.txt, or failed").register(meters);
        }
    }

    private static double since(Instant when, Clock clock) {
        return when == null ? -1 : Duration.between(when, clock.instant()).toSeconds();
    }
}
