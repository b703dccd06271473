package io.newswatch.ingest.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
    @Test
    void identifiesTheLanguageOfARunningText() {
        assertEquals("en", LanguageIdentifier.identify(
                "The ministers met on Tuesday to discuss how the new border posts would be staffed and paid for."));
        assertEquals("de", LanguageIdentifier.identify(
                "Die Minister trafen sich am Dienstag, um über die Besetzung der neuen Grenzposten zu beraten."));
        assertEquals("ru", LanguageIdentifier.identify(
                "Министры встретились во вторник, чтобы обсудить, кто будет охранять новые пограничные посты."));
        assertEquals("fr", LanguageIdentifier.identify(
                "Les ministres se sont réunis mardi pour discuter de la manière de financer les nouveaux postes."));
        assertEquals("pl", LanguageIdentifier.identify(
                "Ministrowie spotkali się we wtorek, aby omówić, kto obsadzi nowe posterunki na granicy kraju."));
    }

    @Test
    void leavesTooLittleTextUnknown() {
        assertNull(LanguageIdentifier.identify("OK"));
        assertNull(LanguageIdentifier.identify("12:45 · 3 / 7"));
        assertNull(LanguageIdentifier.identify(null));
    }

    @Test
    void hasFunctionWordsForTheLanguagesOfTheNewsItReads() {
        for (String lang : new String[] {"en", "de", "ru", "fr", "es", "it", "pl", "nl", "pt", "tr", "cs"}) {
            assertNotNull(StopWords.of(lang), lang);
        }
        assertTrue(StopWords.of("de").contains("und"));
        assertTrue(StopWords.of("ru").contains("чтобы"));
        assertNull(StopWords.of("ja"));
        assertNull(StopWords.of(null));
    }
}
