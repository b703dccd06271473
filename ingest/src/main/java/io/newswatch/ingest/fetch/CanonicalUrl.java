package io.newswatch.ingest.fetch;

import crawlercommons.domains.EffectiveTldFinder;
import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The one URL an article is known by, whichever route it came in by: normalised by crawler-commons'
 * {@link BasicURLNormalizer} (scheme and host lower-cased, default port, fragment and dot segments dropped, percent
 * escapes made canonical, query parameters sorted) and stripped of the tracking parameters that feeds and share
 * links add ({@code utm_*}, {@code fbclid}, {@code gclid}...), so the same article reached by two links gets one id.
 */
public final class CanonicalUrl {
    private static final List<String> TRACKING = List.of("utm_source", "utm_medium", "utm_campaign", "utm_term",
            "utm_content", "utm_id", "utm_name", "utm_reader", "utm_brand", "utm_social", "utm_social-type",
            "utm_referrer", "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid",
            "_ga", "_gl", "_hsenc", "_hsmi", "ref_src", "cmpid", "ncid", "ito", "at_medium", "at_campaign",
            "at_custom1", "at_custom2", "at_custom3", "at_custom4", "rss", "from", "share", "smid", "sr_share",
            "spm", "wt_mc", "wt.mc_id", "ocid", "s_cid", "guccounter", "guce_referrer", "guce_referrer_sig");
    private static final BasicURLNormalizer NORMALIZER = BasicURLNormalizer.newBuilder()
            .queryParamsToRemove(TRACKING).build();

    private CanonicalUrl() {
    }

    /** The canonical form, or the input itself (trimmed) when it is not an http(s) URL the normaliser can read. */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return trimmed;
        }
        try {
            String normal = NORMALIZER.filter(trimmed);
            return normal == null ? trimmed : normal;
        } catch (RuntimeException e) {
            return trimmed;
        }
    }

    /**
     * The URL an article fetched from {@code fetched} is known by: the page's own canonical link when it is
     * believable, else the fetched URL. A canonical link on another site (a syndication partner, a misconfigured
     * CMS) or pointing at the site's front page from an article is not believed: it would give many articles one id.
     */
    public static String choose(String declared, String fetched) {
        String page = of(fetched);
        if (declared == null || declared.isBlank()) {
            return page;
        }
        String canonical = of(declared);
        if (page == null) {
            return canonical;
        }
        try {
            URI c = URI.create(canonical);
            URI p = URI.create(page);
            if (c.getHost() == null || p.getHost() == null || !site(c.getHost()).equals(site(p.getHost()))) {
                return page;
            }
            if (isRoot(c) && !isRoot(p)) {
                return page;
            }
            return canonical;
        } catch (IllegalArgumentException e) {
            return page;
        }
    }

    private static boolean isRoot(URI uri) {
        return (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")) && uri.getQuery() == null;
    }

    /** The registrable domain (news.bbc.co.uk → bbc.co.uk), or the host itself when it has none (an address). */
    private static String site(String host) {
        String domain = EffectiveTldFinder.getAssignedDomain(host.toLowerCase(Locale.ROOT), true, false);
        return domain == null ? host.toLowerCase(Locale.ROOT) : domain;
    }
}
