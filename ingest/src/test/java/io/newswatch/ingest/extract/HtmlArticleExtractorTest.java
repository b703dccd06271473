package io.newswatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Small pages written for each way the article can be found, and each way a finder alone gets it wrong. */
class HtmlArticleExtractorTest {
    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

    private static final String[] STORY = {
        "The river authority said on Monday that the new dam would hold back twice as much water as the old one, "
                + "and that the work would be finished before the autumn rains.",
        "Farmers in the lower valley, who lost most of their crops in the floods of the last two years, said that "
                + "they had waited for the decision for a very long time.",
        "The cost of the project is to be shared between the region and the state, and the contract will be "
                + "signed by the end of the month, the authority said in its statement.",
        "Engineers who have seen the plans said that the design was sound but that the schedule was tight, because "
                + "the ground under the eastern wall is softer than had been thought.",
    };

    private static String paragraphs(String tag) {
        StringBuilder out = new StringBuilder();
        for (String p : STORY) {
            out.append('<').append(tag).append('>').append(p).append("</").append(tag).append('>');
        }
        return out.toString();
    }

    private static void assertWholeStory(String text) {
        for (String p : STORY) {
            assertTrue(text.contains(p), () -> "missing \"" + p.substring(0, 40) + "…\" in:\n" + text);
        }
    }

    @Test
    void findsAnArticleMarkedUpAsAnAsideInsteadOfLeavingTheBodyEmpty() {
        String page = "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><main>"
                + "<aside class=story>" + paragraphs("p") + "</aside>"
                + "<div class=more><a href=/x>Other stories from the valley</a></div></main></body></html>";
        String text = extractor.extract(page, "https://valley.example/dam").text();
        assertWholeStory(text);
        assertFalse(text.contains("Other stories"), text);
    }

    @Test
    void findsAPageWrappedWholeInAFormAsSomeServerFrameworksWriteThem() {
        String page = "<html><body><form id=aspnetForm action=/post><div id=page><div class=header>"
                + "<a href=/>Valley Courier</a></div><div class=text>" + paragraphs("p") + "</div>"
                + "<input type=submit value=Search></div></form></body></html>";
        assertWholeStory(extractor.extract(page, null).text());
    }

    @Test
    void theBlockClassifierTakesOverWhenTheContainerFinderComesBackWithAFragment() {
        // Each paragraph sits in its own wrapper, none of which holds more than one: the container finder's best
        // container is the byline box, which is all it would return.
        StringBuilder page = new StringBuilder("<html><body><div class=byline-box><p>By a staff reporter, with "
                + "additional reporting from the valley, late on Monday evening, for the weekend edition</p></div>");
        for (String p : STORY) {
            page.append("<div class=x1><div class=x2><span>").append(p).append("</span></div></div>");
            page.append("<div class=x3><a href=/ad>Advertisement</a></div>");
        }
        page.append("</body></html>");
        assertWholeStory(extractor.extract(page.toString(), null).text());
    }

    @Test
    void aGermanPageIsExtractedAndIdentifiedAsGermanWhateverItsTemplateDeclares() {
        String page = "<html lang=en><body><ul class=menu><li><a href=/>Startseite</a></li><li><a href=/p>Politik"
                + "</a></li><li><a href=/w>Wirtschaft</a></li></ul><article>"
                + "<p>Der Stadtrat hat am Montag beschlossen, dass die alte Brücke über den Fluss im nächsten Jahr "
                + "abgerissen und durch einen Neubau ersetzt wird, der auch für Radfahrer breit genug ist.</p>"
                + "<p>Die Kosten werden auf rund zwölf Millionen Euro geschätzt, von denen das Land mehr als die "
                + "Hälfte übernehmen will, wie ein Sprecher der Stadt nach der Sitzung sagte.</p>"
                + "<p>Anwohner hatten sich seit Jahren über den Zustand der Brücke beschwert, die schon lange nicht "
                + "mehr von Lastwagen befahren werden darf und deren Geländer an vielen Stellen rostet.</p>"
                + "</article><p class=links><a href=/a>Lesen Sie auch: Neue Radwege in der Innenstadt</a></p>"
                + "</body></html>";
        HtmlDocument doc = extractor.extract(page, null);
        assertEquals("de", doc.hints().lang());
        assertTrue(doc.text().startsWith("Der Stadtrat hat am Montag beschlossen"), doc.text());
        assertTrue(doc.text().contains("Geländer an vielen Stellen rostet."), doc.text());
        assertFalse(doc.text().contains("Startseite"), doc.text());
        assertFalse(doc.text().contains("Lesen Sie auch"), doc.text());
    }

    @Test
    void aTeaserPageGivesTheFullTextFromItsJsonLd() {
        String body = String.join("\\n\\n", STORY);
        String page = "<html><head><script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":"
                + "\"Dam approved\",\"articleBody\":\"" + body + "\"}</script></head><body><article><p>"
                + STORY[0] + "</p><p><a href=/subscribe>Subscribe to read the rest</a></p></article></body></html>";
        assertWholeStory(extractor.extract(page, null).text());
    }

    @Test
    void keepsATextCutIntoManySiblingBlocksBetweenFiguresAndAds() {
        StringBuilder page = new StringBuilder("<html><body><div id=content><h1>Dam approved</h1>");
        for (String p : STORY) {
            page.append("<div class=\"article-section\"><p>").append(p).append("</p></div>")
                    .append("<figure><img src=a.jpg><figcaption>The valley in spring</figcaption></figure>")
                    .append("<div class=ad-slot><a href=/ad>Sponsored</a></div>");
        }
        page.append("</div></body></html>");
        String text = extractor.extract(page.toString(), null).text();
        assertWholeStory(text);
        assertFalse(text.contains("Sponsored"), text);
        assertFalse(text.contains("The valley in spring"), text);
    }

    @Test
    void doesNotTakeALongerCommentThreadForTheArticle() {
        StringBuilder page = new StringBuilder("<html><body><article class=post>").append(paragraphs("p"))
                .append("</article><div class=discussion-list>");
        for (int i = 0; i < 12; i++) {
            page.append("<div class=entry><a href=/u/").append(i).append(">reader").append(i).append("</a><p>")
                    .append("Well, I think they should have built it years ago, frankly, and the cost, the delays, ")
                    .append("the meetings, all of it, is a scandal, no?</p><a href=/reply>Reply</a></div>");
        }
        page.append("</div></body></html>");
        String text = extractor.extract(page.toString(), null).text();
        assertWholeStory(text);
        assertFalse(text.contains("is a scandal"), text);
    }

    @Test
    void doesNotTakeAProductBoxForTheArticle() {
        String page = "<html><body><div class=shop-box><h3>Rain boots</h3><ul><li>Size 38, 39, 40, 41, 42, 43"
                + "</li><li>Colours: red, green, blue, black, yellow</li><li>Price: 39.90, 44.90, 49.90</li></ul>"
                + "<a href=/buy>Buy now</a></div><div class=main-text>" + paragraphs("p") + "</div></body></html>";
        String text = extractor.extract(page, null).text();
        assertWholeStory(text);
        assertFalse(text.contains("Buy now"), text);
        assertFalse(text.contains("Colours"), text);
    }

    @Test
    void readsAPostShippedAsAnHtmlTemplateForAScriptToInsert() {
        String page = "<html><body><div class=post-body><script type='text/template'>" + paragraphs("p")
                + "</script><noscript>Enable scripts</noscript></div></body></html>";
        assertWholeStory(extractor.extract(page, null).text());
    }

    @Test
    void theTitleOfTheBoxAfterTheArticleIsNotItsLastLine() {
        String page = "<html><body><article>" + paragraphs("p") + "<h3>More from the valley</h3>"
                + "<p>(Reporting by the river desk.)</p><h4>Related stories</h4></article></body></html>";
        String text = extractor.extract(page, null).text();
        assertWholeStory(text);
        assertTrue(text.strip().endsWith("(Reporting by the river desk.)"), text);
        assertFalse(text.contains("Related stories"), text);
    }
}
