package io.newswatch.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one URL an article is known by: scheme and host lower-cased, default port and fragment dropped, and the
 * tracking parameters that feeds and share links add ({@code utm_*}, {@code fbclid}, {@code gclid}...) removed, so
 * the same article reached by two links gets one id.
 */
public final class CanonicalUrl {
    private static final Pattern TRACKING = Pattern.compile(
            "(?i)^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_hsenc|_hsmi|ref_src|"
                    + "cmpid|ncid|ito|at_medium|at_campaign|rss|from|share)$");

    private CanonicalUrl() {
    }

    public static String of(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
                port = -1;
            }
            String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !TRACKING.matcher(p.split("=", 2)[0]).matches())
                    .collect(Collectors.joining("&"));
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new URI(scheme, null, host, port, null, null, null).toString() + path
                    + (query == null || query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.strip();
        }
    }
}
