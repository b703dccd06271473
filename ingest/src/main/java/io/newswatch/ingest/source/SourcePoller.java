package io.newswatch.ingest.source;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.ingest.assemble.ArticleAssembler;
import io.newswatch.ingest.assemble.ArticleInput;
import io.newswatch.ingest.assemble.Assembled;
import io.newswatch.ingest.assemble.Rejection;
import io.newswatch.ingest.clean.Hints;
import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.feed.FeedReader;
import io.newswatch.ingest.feed.SitemapReader;
import io.newswatch.ingest.fetch.CanonicalUrl;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.PageFetcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source: reads its feed or sitemap (or its one page), fetches the pages of items not seen before, and
 * makes articles of them through the {@link ArticleAssembler}, like every other route. A page that cannot be
 * fetched or extracted falls back to the feed item's own summary; when there is none, the page's rejection is
 * returned (for the dead-letter topic). An item whose host says "not yet" stays pending for the next poll. Health is
 * updated on every poll and logged only when it changes. Different sources may be polled on different threads at
 * once; one source is polled by one thread at a time.
 */
public final class SourcePoller {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);
    private static final int MAX_CHILD_SITEMAPS = 5;
    private static final int PROGRESS_BACKLOG = 50;
    private static final Duration PROGRESS_EVERY = Duration.ofMinutes(1);

    private final PageFetcher fetcher;
    private final ArticleAssembler assembler;
    private final FeedReader feeds = new FeedReader();
    private final SitemapReader sitemaps = new SitemapReader();
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, SourceHealth> health = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
    private final Map<String, List<FeedItem>> pending = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastProgress = new ConcurrentHashMap<>();

    public SourcePoller(PageFetcher fetcher, ArticleAssembler assembler, Clock clock) {
        this(fetcher, assembler, clock, new SimpleMeterRegistry());
    }

    /** @param meters where each source's health is exported, tagged {@code source=<id>} */
    public SourcePoller(PageFetcher fetcher, ArticleAssembler assembler, Clock clock, MeterRegistry meters) {
        this.fetcher = fetcher;
        this.assembler = assembler;
        this.clock = clock;
        this.meters = meters;
    }

    public SourceHealth health(String sourceId) {
        return health.computeIfAbsent(sourceId, id -> {
            SourceHealth h = new SourceHealth();
            SourceMeters.bind(meters, id, h, clock);
            return h;
        });
    }

    public Map<String, SourceHealth> allHealth() {
        return Map.copyOf(health);
    }

    /** Whether a poll now would do anything: the source is due, or items wait for their hosts. */
    public boolean hasWork(Source source) {
        return health(source.id()).due(clock.instant()) || !pending.getOrDefault(source.id(), List.of()).isEmpty();
    }

    /**
     * Polls the source if it is due, else fetches the pages of its pending items whose hosts now allow it; the
     * articles and rejections found, possibly none.
     */
    public List<Assembled> pollIfDue(Source source) {
        SourceHealth h = health(source.id());
        if (h.due(clock.instant())) {
            return poll(source);
        }
        List<FeedItem> waiting = pending.getOrDefault(source.id(), List.of());
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<Assembled> found = take(source, waiting, null);
        h.foundLater(clock.instant(), articles(found));
        reportProgress(source, h);
        return found;
    }

    public List<Assembled> poll(Source source) {
        SourceHealth h = health(source.id());
        Instant now = clock.instant();
        FetchResult listing = fetcher.fetch(source.url());
        List<FeedItem> items = new ArrayList<>(pending.getOrDefault(source.id(), List.of()));
        switch (listing.outcome()) {
            case WAIT -> {
                h.deferUntil(now.plus(listing.retryIn()));
                return List.of();
            }
            case NOT_MODIFIED -> { }
            case FETCHED -> {
                try {
                    items.addAll(listItems(source, listing));
                } catch (Exception e) {
                    return failed(source, h, now, "cannot read " + source.kind() + ": " + e.getMessage());
                }
            }
            default -> {
                return failed(source, h, now, listing.outcome() + ": " + listing.reason());
            }
        }
        List<Assembled> found = take(source, items, listing);
        reportProgress(source, h);
        if (h.succeeded(now, source.pollInterval(), articles(found), listing.body() == null ? 0
                : listing.body().length)) {
            LOG.info("source {} is working again", source.id());
        }
        return found;
    }

    /**
     * What the items not seen before come to; items whose host says "not yet" stay pending. For a page source,
     * {@code listing} is the page itself.
     */
    private List<Assembled> take(Source source, List<FeedItem> items, FetchResult listing) {
        Set<String> known = seen.computeIfAbsent(source.id(), id -> ConcurrentHashMap.newKeySet());
        List<Assembled> found = new ArrayList<>();
        List<FeedItem> later = new ArrayList<>();
        for (FeedItem item : items) {
            String url = CanonicalUrl.of(item.url());
            if (known.contains(url)) {
                continue;
            }
            Assembled result = source.kind().equals("page") && listing != null
                    ? assembler.assemble(pageInput(source, listing, null))
                    : article(source, item, later);
            if (result != null) {
                known.add(url);
                found.add(result);
                if (!result.ok()) {
                    health(source.id()).extractionFailed();
                }
            }
        }
        pending.put(source.id(), later);
        return found;
    }

    /** The item's article, null when its host says "not yet", or the reason there is none. */
    private Assembled article(Source source, FeedItem item, List<FeedItem> later) {
        FetchResult fetched = fetcher.fetch(item.url());
        if (fetched.outcome() == FetchResult.Outcome.WAIT) {
            later.add(item);
            return null;
        }
        Assembled page = null;
        if (fetched.outcome() == FetchResult.Outcome.FETCHED) {
            page = assembler.assemble(pageInput(source, fetched, item));
            if (page.ok()) {
                return page;
            }
        } else {
            health(source.id()).rejected(fetched.outcome().name().toLowerCase());
        }
        if (item.summary() != null && !item.summary().isBlank()) {
            // The feed's own summary, when the page is out of reach: better a short article than none.
            Assembled summary = assembler.assemble(ArticleInput.ofText(item.url(), item.url(), null, item.summary(),
                    new Hints(item.title(), null, item.publishedAt(), null, source.lang()), source.id()));
            if (summary.ok()) {
                return summary;
            }
        }
        if (page != null) {
            return page;
        }
        return fetched.outcome() == FetchResult.Outcome.REJECTED
                ? new Assembled(null, new Rejection(item.url(), "rejected", fetched.reason(), null)) : null;
    }

    private static ArticleInput pageInput(Source source, FetchResult fetched, FeedItem item) {
        Hints fromFeed = item == null ? Hints.NONE : new Hints(item.title(), null, item.publishedAt(), null, null);
        return ArticleInput.ofBytes(fetched.url(), fetched.url(), fetched.contentType(), fetched.body(),
                new Hints(null, null, null, null, source.lang()), source.id()).withFallback(fromFeed);
    }

    private static int articles(List<Assembled> found) {
        return (int) found.stream().filter(Assembled::ok).count();
    }

    /**
     * A backfill (a sitemap of thousands of pages, fetched at the host's pace) says how far it is, once a minute,
     * in words a person reads.
     */
    private void reportProgress(Source source, SourceHealth h) {
        int waiting = pending.getOrDefault(source.id(), List.of()).size();
        Instant now = clock.instant();
        Instant last = lastProgress.get(source.id());
        if (waiting >= PROGRESS_BACKLOG && (last == null || !now.isBefore(last.plus(PROGRESS_EVERY)))) {
            lastProgress.put(source.id(), now);
            LOG.info("source {}: {} articles so far, {} pages still waiting for their host", source.id(), h.items(),
                    waiting);
        } else if (waiting == 0 && lastProgress.remove(source.id()) != null) {
            LOG.info("source {}: backlog done, {} articles", source.id(), h.items());
        }
    }

    private List<FeedItem> listItems(Source source, FetchResult listing) throws Exception {
        List<FeedItem> items = switch (source.kind()) {
            case "feed" -> feeds.read(listing.body());
            case "sitemap" -> sitemapItems(source, listing);
            default -> List.of(new FeedItem(listing.url(), null, null, null));
        };
        // Feeds often link relatively; links are resolved against the feed's own URL.
        java.net.URI base = java.net.URI.create(listing.url());
        List<FeedItem> resolved = new ArrayList<>();
        for (FeedItem item : items) {
            try {
                resolved.add(new FeedItem(base.resolve(item.url()).toString(), item.title(), item.summary(),
                        item.publishedAt()));
            } catch (IllegalArgumentException e) {
                health(source.id()).extractionFailed();
            }
        }
        return resolved;
    }

    /** A sitemap's articles; for a sitemap index, those of its first child sitemaps (news sites list newest first). */
    private List<FeedItem> sitemapItems(Source source, FetchResult listing) throws Exception {
        SitemapReader.Sitemap map = sitemaps.read(listing.body(), listing.contentType(), listing.url());
        List<FeedItem> items = new ArrayList<>(map.articles());
        for (String child : map.sitemaps().stream().limit(MAX_CHILD_SITEMAPS).toList()) {
            FetchResult fetched = fetcher.fetch(child);
            if (fetched.outcome() == FetchResult.Outcome.FETCHED) {
                items.addAll(sitemaps.read(fetched.body(), fetched.contentType(), fetched.url()).articles());
            } else if (fetched.outcome() != FetchResult.Outcome.WAIT && fetched.outcome()
                    != FetchResult.Outcome.NOT_MODIFIED) {
                health(source.id()).rejected(fetched.outcome().name().toLowerCase());
            }
        }
        return items;
    }

    private List<Assembled> failed(Source source, SourceHealth h, Instant now, String error) {
        if (h.failed(now, source.pollInterval(), error)) {
            LOG.warn("source {} is failing: {} (backing off; next try at {})", source.id(), error, h.nextPoll());
        }
        return List.of();
    }
}
