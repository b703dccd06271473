package io.newswatch.ingest.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The function words of a language ("the", "und", "которые"), from the lists Lucene's analysers ship: the Snowball
 * lists where there is one (they are the fullest), else the analyser's default. A block of text in which such words
 * are frequent is running prose; a menu, a teaser list or a footer has few of them.
 */
public final class StopWords {
    private static final Map<String, Supplier<CharArraySet>> SOURCES = Map.ofEntries(
            Map.entry("en", () -> snowball("english")), Map.entry("de", () -> snowball("german")),
            Map.entry("fr", () -> snowball("french")), Map.entry("es", () -> snowball("spanish")),
            Map.entry("it", () -> snowball("italian")), Map.entry("pt", () -> snowball("portuguese")),
            Map.entry("nl", () -> snowball("dutch")), Map.entry("sv", () -> snowball("swedish")),
            Map.entry("da", () -> snowball("danish")), Map.entry("no", () -> snowball("norwegian")),
            Map.entry("fi", () -> snowball("finnish")), Map.entry("hu", () -> snowball("hungarian")),
            Map.entry("ru", () -> snowball("russian")), Map.entry("pl", PolishAnalyzer::getDefaultStopSet),
            Map.entry("cs", CzechAnalyzer::getDefaultStopSet), Map.entry("tr", TurkishAnalyzer::getDefaultStopSet),
            Map.entry("ro", RomanianAnalyzer::getDefaultStopSet), Map.entry("bg", BulgarianAnalyzer::getDefaultStopSet),
            Map.entry("el", GreekAnalyzer::getDefaultStopSet), Map.entry("ca", CatalanAnalyzer::getDefaultStopSet),
            Map.entry("ar", ArabicAnalyzer::getDefaultStopSet), Map.entry("fa", PersianAnalyzer::getDefaultStopSet),
            Map.entry("hi", HindiAnalyzer::getDefaultStopSet), Map.entry("id", IndonesianAnalyzer::getDefaultStopSet),
            Map.entry("lv", LatvianAnalyzer::getDefaultStopSet), Map.entry("lt", LithuanianAnalyzer::getDefaultStopSet),
            Map.entry("et", EstonianAnalyzer::getDefaultStopSet), Map.entry("eu", BasqueAnalyzer::getDefaultStopSet),
            Map.entry("gl", GalicianAnalyzer::getDefaultStopSet));
    private static final Map<String, CharArraySet> LOADED = new ConcurrentHashMap<>();

    private StopWords() {
    }

    /** The language's function words (lower case), or null when there is no list for it. */
    public static CharArraySet of(String lang) {
        if (lang == null) {
            return null;
        }
        Supplier<CharArraySet> source = SOURCES.get(lang);
        return source == null ? null : LOADED.computeIfAbsent(lang, l -> source.get());
    }

    private static CharArraySet snowball(String name) {
        String resource = "/org/apache/lucene/analysis/snowball/" + name + "_stop.txt";
        try (InputStream in = WordlistLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from lucene-analysis-common: " + resource);
            }
            return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(
                    new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
