package io.newswatch.ingest.clean;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/** Removes HTML tags and entities left in text that was scraped as text ({@code <p>Caption</p>}, {@code &amp;}). */
public final class HtmlResidue {
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>|<!--.*?-->");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});");

    private HtmlResidue() {
    }

    public static String strip(String line) {
        String s = line;
        if (TAG.matcher(s).find()) {
            s = Jsoup.parseBodyFragment(s).body().text();
        } else if (ENTITY.matcher(s).find()) {
            s = Parser.unescapeEntities(s, false);
        }
        return s.strip();
    }
}
