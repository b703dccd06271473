package io.newswatch.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Reads RSS and Atom feeds with ROME. Feeds in the wild are often not well-formed XML (a bare {@code &}, an
 * unclosed tag, a stray control character); when ROME refuses one, it is repaired by jsoup's lenient XML parser, as
 * a feed reader would, and read again. Only when that fails too is the feed an error.
 */
public final class FeedReader {

    public List<FeedItem> read(byte[] bytes) throws FeedException {
        SyndFeed feed;
        try {
            feed = input().build(new XmlReader(new ByteArrayInputStream(bytes)));
        } catch (FeedException | IOException | IllegalArgumentException first) {
            try {
                feed = input().build(new StringReader(repaired(bytes)));
            } catch (FeedException | IllegalArgumentException second) {
                throw new FeedException("not a feed, even after repair: " + first.getMessage(), second);
            }
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String url = entry.getLink() != null ? entry.getLink() : entry.getUri();
            if (url == null || url.isBlank()) {
                continue;
            }
            String summary = entry.getDescription() == null ? null
                    : Jsoup.parse(entry.getDescription().getValue()).text();
            items.add(new FeedItem(url.strip(), entry.getTitle() == null ? null : entry.getTitle().strip(), summary,
                    entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                            : entry.getUpdatedDate() == null ? null : entry.getUpdatedDate().toInstant()));
        }
        return items;
    }

    private static SyndFeedInput input() {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false); // no external entities from a feed
        return input;
    }

    private static String repaired(byte[] bytes) {
        String text = io.newswatch.ingest.extract.CharsetDetector.decode(bytes, null)
                .replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
        Document xml = Jsoup.parse(text, "", Parser.xmlParser());
        xml.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false);
        return xml.outerHtml();
    }
}
