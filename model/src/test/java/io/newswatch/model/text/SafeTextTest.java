package io.newswatch.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void cleanTextIsReturnedAsItIs() {
        String text = "Душанбе, 8 апреля.\n\nThe CSTO met\tin Dushanbe. 😀 日本";
        assertSame(text, SafeText.multiLine(text));
        assertTrue(SafeText.isClean(text));
    }

    @Test
    void nulAndOtherControlCharactersAreRemoved() {
        assertEquals("ab c", SafeText.multiLine("a\u0000b\u0007 c\u001b"));
        assertEquals("ab", SafeText.multiLine("a\u0085b"));
        assertFalse(SafeText.isClean("a\u0000b"));
    }

    @Test
    void bidiOverridesAndIsolatesAreRemovedSoATitleCannotReadBackwards() {
        assertEquals("Invoice txt.exe", SafeText.oneLine("Invoice \u202Etxt.exe\u202C"));
        assertEquals("ab", SafeText.oneLine("a\u2066\u2067\u2068b\u2069"));
    }

    @Test
    void unpairedSurrogatesAndNoncharactersAreRemovedButPairsStay() {
        assertEquals("ab😀", SafeText.multiLine("a\uD800b\uDC00😀\uFFFF\uFEFF\uFFFD"));
    }

    @Test
    void oneLineTurnsLineBreaksAndTabsIntoSpaces() {
        assertEquals("a b c d", SafeText.oneLine("a\nb\tc\r\nd").replace("  ", " "));
    }

    @Test
    void carriageReturnsBecomeLineFeedsInMultiLineText() {
        assertEquals("a\nb\nc", SafeText.multiLine("a\r\nb\rc"));
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        assertEquals("ab", SafeText.cut("ab😀", 3));
        assertEquals("ab😀", SafeText.cut("ab😀", 4));
    }

    @Test
    void summaryIsOneBoundedLine() {
        assertEquals("line one line two", SafeText.summary("line one\nline two", 100));
        assertEquals("abcd…", SafeText.summary("abcdefgh", 5));
    }
}
