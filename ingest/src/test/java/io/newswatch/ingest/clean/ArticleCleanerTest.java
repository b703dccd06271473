package io.newswatch.ingest.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {
    private static final String PARAGRAPH = "The regional governor said on Monday that repairs to the mountain road "
            + "would take most of the summer, and that traffic would move in one direction only.";
    private final ArticleCleaner cleaner = ArticleCleaner.defaults();

    private String body(String text) {
        return cleaner.clean(text, Hints.NONE).body();
    }

    @Test
    void dropsSharePrompts() {
        String body = body("Road works to last all summer\n\nShare this article\nFacebook | Twitter | Email\n\n" + PARAGRAPH);
        assertFalse(body.contains("Share"));
        assertFalse(body.contains("Facebook"));
        assertTrue(body.contains("regional governor"));
    }

    @Test
    void dropsCommentPrompts() {
        String body = body(PARAGRAPH + "\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\n3 Comments\nJoin the discussion");
        assertEquals(PARAGRAPH, body);
    }

    @Test
    void dropsNewsletterAndRegistrationBoxes() {
        String body = body(PARAGRAPH + "\n\nSubscribe to our weekly newsletter\nSign up now for the morning digest.\n\nThank you for signing up\nPlease reload this page to finish logging in");
        assertEquals(PARAGRAPH, body);
    }

    @Test
    void dropsAdvertisementMarkers() {
        String body = body(PARAGRAPH + "\n\n- Advertisement -\n\nAdvertisement\n\n" + PARAGRAPH.replace("Monday", "Tuesday"));
        assertFalse(body.contains("Advertisement"));
        assertTrue(body.contains("Tuesday"));
    }

    @Test
    void dropsCookieNotices() {
        String body = body("We use cookies to give you the best experience on our site.\nAccept all cookies\n\n" + PARAGRAPH);
        assertEquals(PARAGRAPH, body);
    }

    @Test
    void dropsInlineScriptCode() {
        String body = body(PARAGRAPH + "\n\nadsQueue.push(function() { adsQueue.render({ slot: 'side-7', size: [300, 250] }); });\n"
                + "googletag.cmd.push(function() { googletag.display('ad-1'); });");
        assertEquals(PARAGRAPH, body);
    }

    @Test
    void stripsHtmlTagsAndEntitiesLeftInText() {
        String body = body(PARAGRAPH + "\n\n<p>Officials &amp; engineers <b>agreed</b> on a new timetable for the works.</p>");
        assertTrue(body.contains("Officials & engineers agreed on a new timetable"), body);
        assertFalse(body.contains("<"));
    }

    @Test
    void dropsCaptionsThatAppearTwice() {
        String body = body("<p>Workers on the pass road</p>\n\nWorkers on the pass road\n\n" + PARAGRAPH);
        assertEquals(PARAGRAPH, body);
    }

    @Test
    void dropsRepeatedFooters() {
        String body = body(PARAGRAPH + "\n\nThe agency may not share the opinions of its contributors\n\nThe agency may not share the opinions of its contributors");
        assertEquals(PARAGRAPH, body);
    }

    @Test
    void removesImageAltResidueGluedToTheFirstParagraph() {
        String body = body("photo 3" + PARAGRAPH + "\n\nPhoto: Press service");
        assertEquals(PARAGRAPH, body);
    }

    @Test
    void normalisesWhitespaceAndUnicode() {
        String body = body("Cafe\u0301\u00A0owners  said\u200B the square\tis busy again, and that the new market hall on the river bank is full of traders every morning.");
        assertEquals("Café owners said the square is busy again, and that the new market hall on the river bank is full of traders every morning.", body);
    }

    @Test
    void keepsParagraphsAsParagraphs() {
        String body = body(PARAGRAPH + "\n\n" + PARAGRAPH.replace("Monday", "Friday"));
        assertEquals(2, body.split("\n\n").length);
    }

    @Test
    void takesTitleBylineAndFullDateFromTheHeader() {
        CleanArticle a = cleaner.clean("Road works to last all summer\n\nBy Anna Petrova\nWednesday 4 June 2025 09:30 BST\n\n" + PARAGRAPH, Hints.NONE);
        assertEquals("Road works to last all summer", a.title());
        assertEquals("Anna Petrova", a.byline());
        assertEquals(Instant.parse("2025-06-04T08:30:00Z"), a.publishedAt());
        assertEquals(PARAGRAPH, a.body());
    }

    @Test
    void takesANameLineAsByline() {
        CleanArticle a = cleaner.clean("Road works to last all summer\n\nPETROVA Anna\n\n" + PARAGRAPH, Hints.NONE);
        assertEquals("PETROVA Anna", a.byline());
    }

    @Test
    void takesAClosingBylineFromTheLastLine() {
        CleanArticle a = cleaner.clean("Road works to last all summer\n\n" + PARAGRAPH + "\n\n-- Anna Petrova", Hints.NONE);
        assertEquals("Anna Petrova", a.byline());
        assertEquals(PARAGRAPH, a.body());
    }

    @Test
    void readsAWireDatelineWithAgency() {
        CleanArticle a = cleaner.clean("Road works to last all summer\n\nKHOROG, May 12 /Pamir Wire/. " + PARAGRAPH, Hints.NONE);
        assertEquals("Pamir Wire", a.source());
        assertEquals("KHOROG, May 12 /Pamir Wire/", a.dateline());
        assertNull(a.publishedAt(), "no year in the dateline: the date must not be guessed");
    }

    @Test
    void leavesPublishedAtEmptyWhenTheYearIsUnknown() {
        CleanArticle a = cleaner.clean("Road works to last all summer\n\nJune 4\n\n" + PARAGRAPH, Hints.NONE);
        assertNull(a.publishedAt());
        assertEquals("June 4", a.dateline());
    }

    @Test
    void readsRussianDates() {
        CleanArticle a = cleaner.clean("Ремонт дороги продлится всё лето\n\n4 июня 2025 года\n\nГубернатор области заявил в понедельник, что ремонт горной дороги займёт большую часть лета и что движение будет только в одну сторону.", Hints.NONE);
        assertEquals(Instant.parse("2025-06-04T00:00:00Z"), a.publishedAt());
        assertEquals("ru", a.lang());
    }

    @Test
    void declaredMetadataWinsOverGuesses() {
        Hints hints = new Hints("Declared title", "Declared Author", Instant.parse("2024-01-02T03:04:05Z"), "Site", "en");
        CleanArticle a = cleaner.clean("Declared title\n\n" + PARAGRAPH, hints);
        assertEquals("Declared title", a.title());
        assertEquals("Declared Author", a.byline());
        assertEquals(PARAGRAPH, a.body(), "the title line is not repeated in the body");
    }
}
