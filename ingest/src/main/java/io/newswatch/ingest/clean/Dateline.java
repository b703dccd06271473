package io.newswatch.ingest.clean;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wire-style dateline at the start of the first paragraph: {@code "MOSCOW, April 8. /TASS/."},
 * {@code "DUSHANBE, Tajikistan (AFP) -"}, {@code "KABUL, Afghanistan —"}. The place is written in capitals; the
 * date and agency are optional, but one of them, or a dash, must be there so that a sentence opening with an
 * acronym is not taken for a dateline.
 */
public record Dateline(String text, String place, String date, String agency, Instant publishedAt) {

    private static final Pattern DATELINE = Pattern.compile(
            "^(?<place>\\p{Lu}[\\p{Lu}'’. -]{2,40}?)"
                    + "(?:,\\s+(?<region>\\p{Lu}[\\p{L}. -]{1,30}?))?"
                    + "(?:,\\s+(?<date>" + DateFinder.EN_MONTH + "\\s+\\d{1,2}(?:,\\s+\\d{4})?|\\d{1,2}\\s+"
                    + DateFinder.RU_MONTH + "(?:\\s+\\d{4}(?:\\s+года)?)?))?"
                    + "(?:\\s*\\((?<agency1>[\\p{L}&. -]{2,30})\\))?"
                    + "[.,]?"
                    + "(?:\\s*/(?<agency2>[\\p{L}&. -]{2,30})/\\.?)?"
                    + "(?:,\\s*(?<agency3>\\p{Lu}[\\p{L}-]+(?:\\s\\p{Lu}[\\p{L}-]+)?))?"
                    + "\\s*(?<dash>[—–-]{1,2})?\\s+(?=[\\p{Lu}\"“«])");

    public static Optional<Dateline> parse(String paragraph) {
        Matcher m = DATELINE.matcher(paragraph);
        if (!m.find()) {
            return Optional.empty();
        }
        String agency = first(m.group("agency1"), m.group("agency2"), m.group("agency3"));
        String date = m.group("date");
        if (agency == null && date == null && m.group("dash") == null) {
            return Optional.empty();
        }
        String place = m.group("place").strip();
        if (place.replaceAll("[^\\p{Lu}]", "").length() < 3) {
            return Optional.empty();
        }
        String text = m.group().strip().replaceAll("[\\s.,—–-]+$", "");
        return Optional.of(new Dateline(text, place, date, agency == null ? null : agency.strip(),
                date == null ? null : DateFinder.parse(date)));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
