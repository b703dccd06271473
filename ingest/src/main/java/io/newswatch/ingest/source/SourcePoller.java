package io.newswatch.ingest.source;

import io.newswatch.ingest.extract.ExtractedPage;
import io.newswatch.ingest.extract.PageExtractor;
import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.feed.FeedReader;
import io.newswatch.ingest.feed.SitemapReader;
import io.newswatch.ingest.fetch.CanonicalUrl;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.PageFetcher;
import io.newswatch.model.ContentHash;
import io.newswatch.model.RawArticle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
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
 * turns them into raw articles. A page that cannot be fetched or extracted falls back to the feed item's own title
 * and summary, marked as such; an item whose host says "not yet" stays pending for the next poll. Health is
 * updated on every poll and logged only when it changes.
 */
public final class SourcePoller {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);
    private static final int MAX_CHILD_SITEMAPS = 5;
    private static final int PROGRESS_BACKLOG = 50;
    private static final java.time.Duration PROGRESS_EVERY = java.time.Duration.ofMinutes(1);
    private final Map<String, Instant> lastProgress = new ConcurrentHashMap<>();

    private final PageFetcher fetcher;
    private final PageExtractor extractor = new PageExtractor();
    private final FeedReader feeds = new FeedReader();
    private final SitemapReader sitemaps = new SitemapReader();
    private final Clock clock;
    private final Map<String, SourceHealth> health = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
    private final Map<String, List<FeedItem>> pending = new ConcurrentHashMap<>();

    private final MeterRegistry meters;

    public SourcePoller(PageFetcher fetcher, Clock clock) {
        this(fetcher, clock, new SimpleMeterRegistry());
    }

    /** @param meters where each source's health is exported, tagged {@code source=<id>} */
    public SourcePoller(PageFetcher fetcher, Clock clock, MeterRegistry meters) {
        this.fetcher = fetcher;
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

    /**
     * Polls the source if it is due, else fetches the pages of its pending items whose hosts now allow it; the
     * articles found, possibly none.
     */
    public List<RawArticle> pollIfDue(Source source) {
        SourceHealth h = health(source.id());
        if (h.due(clock.instant())) {
            return poll(source);
        }
        List<FeedItem> waiting = pending.getOrDefault(source.id(), List.of());
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<RawArticle> articles = take(source, waiting, null, clock.instant());
        h.foundLater(clock.instant(), articles.size());
        reportProgress(source, h);
        return articles;
    }

    public List<RawArticle> poll(Source source) {
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
        List<RawArticle> articles = take(source, items, listing, now);
        reportProgress(source, h);
        if (h.succeeded(now, source.pollInterval(), articles.size(), listing.body() == null ? 0
                : listing.body().length)) {
            LOG.info("source {} is working again", source.id());
        }
        return articles;
    }

    /**
     * The articles of the items not seen before; items whose host says "not yet" stay pending. For a page source,
     * {@code listing} is the page itself.
     */
    private List<RawArticle> take(Source source, List<FeedItem> items, FetchResult listing, Instant now) {
        Set<String> known = seen.computeIfAbsent(source.id(), id -> ConcurrentHashMap.newKeySet());
        List<RawArticle> articles = new ArrayList<>();
        List<FeedItem> later = new ArrayList<>();
        for (FeedItem item : items) {
            String url = CanonicalUrl.of(item.url());
            if (known.contains(url)) {
                continue;
            }
            RawArticle article = source.kind().equals("page") && listing != null ? page(source, listing, now)
                    : article(source, item, later, now);
            if (article != null) {
                known.add(url);
                articles.add(article);
            }
        }
        pending.put(source.id(), later);
        return articles;
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

    private RawArticle page(Source source, FetchResult fetched, Instant now) {
        ExtractedPage page = extractor.extract(fetched.body(), fetched.contentType(), fetched.url());
        return raw(source, page.url() != null ? page.url() : fetched.url(), page, now);
    }

    private RawArticle article(Source source, FeedItem item, List<FeedItem> later, Instant now) {
        FetchResult fetched = fetcher.fetch(item.url());
        if (fetched.outcome() == FetchResult.Outcome.WAIT) {
            later.add(item);
            return null;
        }
        if (fetched.outcome() == FetchResult.Outcome.REJECTED || fetched.outcome() == FetchResult.Outcome.DISALLOWED
                || fetched.outcome() == FetchResult.Outcome.FAILED) {
            health(source.id()).rejected(fetched.outcome().name().toLowerCase());
        }
        if (fetched.outcome() == FetchResult.Outcome.FETCHED) {
            try {
                ExtractedPage page = extractor.extract(fetched.body(), fetched.contentType(), fetched.url());
                if (!page.body().isBlank()) {
                    ExtractedPage withFeedData = new ExtractedPage(page.url(), page.title() != null ? page.title()
                            : item.title(), page.byline(), page.publishedAt() != null ? page.publishedAt()
                            : item.publishedAt(), page.lang(), page.site(), page.body());
                    return raw(source, item.url(), withFeedData, now);
                }
            } catch (RuntimeException e) {
                health(source.id()).extractionFailed();
            }
        }
        if (item.summary() == null || item.summary().isBlank()) {
            return null;
        }
        // The feed's own summary, when the page is out of reach: better a short article than none.
        return raw(source, item.url(), new ExtractedPage(item.url(), item.title(), null, item.publishedAt(),
                source.lang(), null, item.summary()), now);
    }

    private RawArticle raw(Source source, String url, ExtractedPage page, Instant now) {
        String canonical = CanonicalUrl.of(url);
        String hash = ContentHash.sha256((page.title() == null ? "" : page.title()) + "\n\n" + page.body());
        return new RawArticle(ContentHash.shortId(canonical), canonical, page.site() != null ? page.site()
                : source.id(), page.title(), page.byline(), null, page.publishedAt(), now,
                page.lang() != null ? page.lang() : source.lang(), page.body(), hash, RawArticle.SCHEMA_VERSION);
    }

    private List<RawArticle> failed(Source source, SourceHealth h, Instant now, String error) {
        if (h.failed(now, source.pollInterval(), error)) {
            LOG.warn("source {} is failing: {} (backing off; next try at {})", source.id(), error, h.nextPoll());
        }
        return List.of();
    }
}
