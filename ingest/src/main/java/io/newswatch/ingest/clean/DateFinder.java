package io.newswatch.ingest.clean;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a written date in a line of text (English and Russian forms, ISO, dd.mm.yyyy) and tells whether the line
 * is nothing but that date. A date without a year gives no instant: the year is never guessed.
 */
public final class DateFinder {
    static final String EN_MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    static final String RU_MONTH = "(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)";
    private static final String WEEKDAY = "(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\\.?,?\\s+)?";
    private static final String TIME = "(?:,?\\s+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})\\s*(am|pm|a\\.m\\.|p\\.m\\.)?)?";
    private static final String ZONE = "(?:\\s*\\(?(UTC|GMT|BST|CET|CEST|EET|EEST|MSK|EST|EDT|CST|CDT|PST|PDT|Z|[+-]\\d{2}:?\\d{2})\\)?)?";

    private static final Pattern DAY_MONTH = Pattern.compile(
            WEEKDAY + "(\\d{1,2})(?:st|nd|rd|th)?\\s+" + EN_MONTH + "(?:,?\\s+(\\d{4}))?" + TIME + ZONE,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            WEEKDAY + EN_MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?" + TIME + ZONE,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RUSSIAN = Pattern.compile(
            "(\\d{1,2})\\s+" + RU_MONTH + "(?:\\s+(\\d{4})(?:\\s*(?:года|г\\.))?)?" + TIME + ZONE,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::\\d{2}(?:\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})" + TIME + ZONE);
    /** What may stand beside a date on a line that is only a date. */
    private static final Pattern DATE_LINE_REST = Pattern.compile(
            "(?i)[\\s,.|:/()\\-–—]*(published|updated|posted|last updated|опубликовано|обновлено|on|at)?[\\s,.|:/()\\-–—]*");

    private static final Map<String, Integer> EN_MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> RU_MONTHS = Map.ofEntries(
            Map.entry("января", 1), Map.entry("февраля", 2), Map.entry("марта", 3), Map.entry("апреля", 4),
            Map.entry("мая", 5), Map.entry("июня", 6), Map.entry("июля", 7), Map.entry("августа", 8),
            Map.entry("сентября", 9), Map.entry("октября", 10), Map.entry("ноября", 11), Map.entry("декабря", 12));
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("UTC", "Z"), Map.entry("GMT", "Z"), Map.entry("Z", "Z"), Map.entry("BST", "+01:00"),
            Map.entry("CET", "+01:00"), Map.entry("CEST", "+02:00"), Map.entry("EET", "+02:00"),
            Map.entry("EEST", "+03:00"), Map.entry("MSK", "+03:00"), Map.entry("EST", "-05:00"),
            Map.entry("EDT", "-04:00"), Map.entry("CST", "-06:00"), Map.entry("CDT", "-05:00"),
            Map.entry("PST", "-08:00"), Map.entry("PDT", "-07:00"));

    private DateFinder() {
    }

    /**
     * A date found in text.
     *
     * @param instant   the moment, or null when the year (or the date itself) is not given
     * @param text      the date as written
     * @param wholeLine true when the line holds nothing else (so it is a date line, not prose)
     */
    public record FoundDate(Instant instant, String text, boolean wholeLine) {
    }

    public static Optional<FoundDate> find(String line) {
        for (Pattern pattern : new Pattern[] {ISO, DAY_MONTH, MONTH_DAY, RUSSIAN, NUMERIC}) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                Instant instant = toInstant(pattern, m);
                String rest = line.substring(0, m.start()) + line.substring(m.end());
                boolean whole = DATE_LINE_REST.matcher(rest).matches();
                return Optional.of(new FoundDate(instant, m.group().strip(), whole));
            }
        }
        return Optional.empty();
    }

    /** Parses a date as written (e.g. "April 8" or "28 July 2021 11:57 BST"); null when it has no year. */
    public static Instant parse(String text) {
        return find(text).map(FoundDate::instant).orElse(null);
    }

    private static Instant toInstant(Pattern pattern, Matcher m) {
        try {
            if (pattern == ISO) {
                LocalDate date = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
                LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(num(m, 4), num(m, 5));
                String zone = m.group(6) == null ? "Z" : m.group(6);
                return date.atTime(time).atOffset(ZoneOffset.of(normalizeOffset(zone))).toInstant();
            }
            int day;
            int month;
            String year;
            int timeGroup;
            if (pattern == DAY_MONTH) {
                day = num(m, 1);
                month = EN_MONTHS.get(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT));
                year = m.group(3);
                timeGroup = 4;
            } else if (pattern == MONTH_DAY) {
                month = EN_MONTHS.get(m.group(1).substring(0, 3).toLowerCase(Locale.ROOT));
                day = num(m, 2);
                year = m.group(3);
                timeGroup = 4;
            } else if (pattern == RUSSIAN) {
                day = num(m, 1);
                month = RU_MONTHS.get(m.group(2).toLowerCase(new Locale("ru")));
                year = m.group(3);
                timeGroup = 4;
            } else {
                day = num(m, 1);
                month = num(m, 2);
                year = m.group(3);
                timeGroup = 4;
            }
            if (year == null) {
                return null;
            }
            LocalDate date = LocalDate.of(Integer.parseInt(year), month, day);
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(timeGroup) != null) {
                int hour = num(m, timeGroup);
                String ampm = m.group(timeGroup + 2);
                if (ampm != null && ampm.toLowerCase(Locale.ROOT).startsWith("p") && hour < 12) {
                    hour += 12;
                } else if (ampm != null && ampm.toLowerCase(Locale.ROOT).startsWith("a") && hour == 12) {
                    hour = 0;
                }
                time = LocalTime.of(hour, num(m, timeGroup + 1));
            }
            String zone = m.group(timeGroup + 3);
            String offset = zone == null ? "Z" : ZONES.getOrDefault(zone.toUpperCase(Locale.ROOT), zone);
            return date.atTime(time).atOffset(ZoneOffset.of(normalizeOffset(offset))).toInstant();
        } catch (DateTimeException | NullPointerException e) {
            return null; // "31 February", "25:99": not a date after all
        }
    }

    private static String normalizeOffset(String zone) {
        if (zone.length() == 5 && (zone.startsWith("+") || zone.startsWith("-"))) {
            return zone.substring(0, 3) + ":" + zone.substring(3);
        }
        return zone;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
