package io.newswatch.ingest.assemble;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Repairs text that was UTF-8 but got decoded as Latin-1 or windows-1252 somewhere upstream (a CMS, a feed
 * generator): "Ð¼Ð¸Ñ€" for "мир", "cafÃ©" for "café". The text is turned back into the bytes those decoders read
 * and decoded as UTF-8; the repair is taken only when those bytes are valid UTF-8 and the telltale pairs go away, so
 * real Latin-1 text is left alone.
 */
final class Mojibake {
    /** A UTF-8 lead byte read as Latin-1 (Â-ß), followed by a continuation byte read as Latin-1 or windows-1252. */
    private static final Pattern TELLTALE = Pattern.compile("[\\u00C2-\\u00DF][\\u0080-\\u00BF\\u0152\\u0153\\u0160"
            + "\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026"
            + "\\u2030\\u2039\\u203A\\u20AC\\u2122]");
    private static final int MIN_TELLTALES = 3;
    /** The characters windows-1252 puts at 0x80-0x9F, back to their bytes. */
    private static final Map<Character, Integer> CP1252_HIGH = Map.ofEntries(Map.entry('€', 0x80),
            Map.entry('‚', 0x82), Map.entry('ƒ', 0x83), Map.entry('„', 0x84), Map.entry('…', 0x85),
            Map.entry('†', 0x86), Map.entry('‡', 0x87), Map.entry('ˆ', 0x88), Map.entry('‰', 0x89),
            Map.entry('Š', 0x8A), Map.entry('‹', 0x8B), Map.entry('Œ', 0x8C), Map.entry('Ž', 0x8E),
            Map.entry('‘', 0x91), Map.entry('’', 0x92), Map.entry('“', 0x93), Map.entry('”', 0x94),
            Map.entry('•', 0x95), Map.entry('–', 0x96), Map.entry('—', 0x97), Map.entry('˜', 0x98),
            Map.entry('™', 0x99), Map.entry('š', 0x9A), Map.entry('›', 0x9B), Map.entry('œ', 0x9C),
            Map.entry('ž', 0x9E), Map.entry('Ÿ', 0x9F));

    private Mojibake() {
    }

    static String repair(String text) {
        var m = TELLTALE.matcher(text);
        int found = 0;
        while (found < MIN_TELLTALES && m.find()) {
            found++;
        }
        if (found < MIN_TELLTALES) {
            return text;
        }
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer high = c < 0x100 ? Integer.valueOf(c) : CP1252_HIGH.get(c);
            if (high == null) {
                return text; // a character neither decoder produces: this is not mojibake
            }
            bytes[i] = (byte) (int) high;
        }
        try {
            String repaired = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return TELLTALE.matcher(repaired).find() ? text : repaired;
        } catch (CharacterCodingException e) {
            return text; // the bytes are not UTF-8: real Latin-1 text
        }
    }
}
