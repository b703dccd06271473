package io.newswatch.enrich.tagging.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextAnalyzersTest {

    @Test
    void unshoutLowerCasesLinesWrittenInCapitalsAndKeepsEveryOffset() {
        String text = "ISLAMIC STATE IS ON THE MOVE\nThe IS group was seen.\nCSTO DRILLS";
        String unshouted = TextAnalyzers.unshout(text);
        assertEquals("islamic state is on the move\nThe IS group was seen.\nCSTO DRILLS", unshouted,
                "the short last line has too few letters to be a shouted headline");
        assertEquals(text.length(), unshouted.length());
    }

    @Test
    void unshoutReturnsTheTextItselfWhenNothingIsShouted() {
        String text = "The IS group was seen near the border.\nGuards reported it.";
        assertSame(text, TextAnalyzers.unshout(text));
        assertEquals("", TextAnalyzers.unshout(""));
    }
}
