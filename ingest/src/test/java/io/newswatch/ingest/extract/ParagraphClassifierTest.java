package io.newswatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswatch.ingest.extract.ParagraphClassifier.Block;
import io.newswatch.ingest.extract.ParagraphClassifier.Verdict;
import io.newswatch.ingest.language.StopWords;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ParagraphClassifierTest {
    private static final String PROSE = "The council said that it would decide on the plan in the spring, and that "
            + "the people who live in the valley would be asked for their views before any of the work began, which "
            + "is what they had been promised.";
    private final ParagraphClassifier classifier = new ParagraphClassifier(ExtractionLimits.defaults().start());

    private static Block block(String text, int linkChars) {
        return new Block(text, linkChars, false, Verdict.BAD);
    }

    @Test
    void longProseWithManyFunctionWordsIsGood() {
        assertEquals(Verdict.GOOD, ParagraphClassifier.contextFree(block(PROSE, 0), StopWords.of("en")));
    }

    @Test
    void aBlockMostlyInsideLinksIsBadHoweverLong() {
        assertEquals(Verdict.BAD, ParagraphClassifier.contextFree(block(PROSE, PROSE.length() / 2),
                StopWords.of("en")));
    }

    @Test
    void aListOfNamesWithoutFunctionWordsIsBad() {
        String menu = "Politics Business Technology Science Health Sport Culture Travel Weather Video Podcasts Opinion"
                + " Markets Autos Jobs Property";
        assertEquals(Verdict.BAD, ParagraphClassifier.contextFree(block(menu, 0), StopWords.of("en")));
    }

    @Test
    void aCopyrightLineIsBad() {
        assertEquals(Verdict.BAD, ParagraphClassifier.contextFree(
                block("© 2026 The Valley Courier. All the rights that there are to be had in this world are ours.", 0),
                StopWords.of("en")));
    }

    @Test
    void aShortLineBetweenGoodParagraphsIsPartOfTheArticleAndOneAmongMenusIsNot() {
        Document page = Jsoup.parse("<body><ul><li><a href=/a>Home</a></li><li><a href=/b>World</a></li></ul>"
                + "<p>Short label</p><ul><li><a href=/c>Sport</a></li></ul>"
                + "<p>" + PROSE + "</p><p>Then the vote.</p><p>" + PROSE + "</p><footer>Contact us</footer></body>");
        List<Block> judged = classifier.judge(classifier.segment(page.body()), "en");
        assertEquals(List.of(PROSE, "Then the vote.", PROSE),
                judged.stream().filter(b -> b.verdict() == Verdict.GOOD).map(Block::text).toList());
    }

    @Test
    void withoutAListForTheLanguageSentencesStillTellProseFromLabels() {
        String sentence = "東京の議会は春に計画を決めると述べた。谷に住む人々の意見を聞いてから工事を始める予定だ。"
                + "住民の多くは賛成しているが、費用を心配する声もある。議会は来月にも説明会を開く方針である。";
        assertEquals(Verdict.NEAR_GOOD, ParagraphClassifier.contextFree(block(sentence, 0), StopWords.of("ja")));
        assertEquals(Verdict.BAD, ParagraphClassifier.contextFree(
                block("ホーム ニュース 政治 経済 国際 スポーツ 文化 天気 動画 特集 ランキング 連載 コラム 社説 写真 地域 "
                        + "ホーム ニュース 政治 経済 国際 スポーツ 文化 天気 動画 特集 ランキング 連載 コラム 社説 写真 地域", 0),
                StopWords.of("ja")));
    }
}
