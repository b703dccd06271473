package io.newswatch.enrich.extract;

import io.newswatch.model.Amount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds sums of money in English and Russian: a currency sign before the number ({@code $1.2 billion},
 * {@code $400 млн}) or a currency word after it ({@code 70 billion roubles}, {@code 1.2 billion dollars},
 * {@code 70 млрд рублей}), with scale words (thousand, million, billion, тыс., млн, млрд) and both decimal
 * separators.
 */
public final class AmountExtractor {
    private static final String NUMBER = "(\\d{1,3}(?:[,\\u00A0 ]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)";
    private static final String SCALE = "(?:\\s*(thousand|million|billion|trillion|bn|mln|m|тыс\\.?|тысяч[аи]?|млн\\.?"
            + "|миллион(?:а|ов)?|млрд\\.?|миллиард(?:а|ов)?|трлн\\.?|триллион(?:а|ов)?)\\b\\.?)?";
    private static final String CURRENCY_WORD = "(dollars?|US dollars?|roubles?|rubles?|euros?|pounds?|yuan|somoni|tenge"
            + "|долл(?:аров|ара|ар|\\.)?|руб(?:лей|ля|ль|\\.)?|евро|сомони|тенге|юаней)";
    private static final Pattern SIGN_FIRST = Pattern.compile("(US\\$|\\$|€|£|¥)\\s?" + NUMBER + SCALE,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WORD_AFTER = Pattern.compile("(?<![\\w$€£])" + NUMBER + SCALE + "\\s+" + CURRENCY_WORD
            + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Map<String, String> SIGNS = Map.of("$", "USD", "us$", "USD", "€", "EUR", "£", "GBP", "¥", "CNY");

    public List<Amount> find(String text, String field) {
        return find(text, field, Integer.MAX_VALUE);
    }

    /**
     * The first {@code max} amounts in text order. Each pattern's matches come in text order and do not overlap
     * each other, so an amount found by both ("$70 billion dollars") is told by a binary search, and a text full of
     * amounts costs linear time.
     */
    public List<Amount> find(String text, String field, int max) {
        List<Amount> signFirst = new ArrayList<>();
        Matches signs = new Matches(SIGN_FIRST, text, AmountExtractor::maySign);
        Matcher m = signs.matcher;
        while (signFirst.size() < max && signs.next()) {
            Amount a = amount(m, text, field, SIGNS.get(m.group(1).toLowerCase(Locale.ROOT)), m.group(2), m.group(3));
            if (a != null) {
                signFirst.add(a);
            }
        }
        List<Amount> amounts = new ArrayList<>(signFirst);
        Matches numbers = new Matches(WORD_AFTER, text, Character::isDigit);
        m = numbers.matcher;
        int wordAfter = 0;
        while (wordAfter < max && numbers.next()) {
            Amount a = amount(m, text, field, currency(m.group(3)), m.group(1), m.group(2));
            if (a != null && !overlaps(signFirst, a)) {
                amounts.add(a);
                wordAfter++;
            }
        }
        amounts.sort(java.util.Comparator.comparingInt(Amount::start));
        return amounts.size() <= max ? amounts : List.copyOf(amounts.subList(0, max));
    }

    /**
     * The matches {@link Matcher#find()} would give, in order, tried only where a match can start (a digit, a
     * currency sign): the patterns are long, and trying them at every position of an article cost more than
     * everything else here.
     */
    private static final class Matches {
        private final Matcher matcher;
        private final String text;
        private final java.util.function.IntPredicate canStart;
        private int at;

        Matches(Pattern pattern, String text, java.util.function.IntPredicate canStart) {
            this.matcher = pattern.matcher(text).useTransparentBounds(true);
            this.text = text;
            this.canStart = canStart;
        }

        boolean next() {
            for (int i = at; i < text.length(); i++) {
                if (canStart.test(text.charAt(i))) {
                    matcher.region(i, text.length());
                    if (matcher.lookingAt()) {
                        at = Math.max(matcher.end(), i + 1);
                        return true;
                    }
                }
            }
            at = text.length();
            return false;
        }
    }

    private static boolean maySign(int c) {
        return c == '$' || c == '€' || c == '£' || c == '¥' || c == 'U' || c == 'u';
    }

    private static boolean overlaps(List<Amount> sorted, Amount a) {
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Amount b = sorted.get(mid);
            if (b.end() <= a.start()) {
                lo = mid + 1;
            } else if (b.start() >= a.end()) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static Amount amount(Matcher m, String text, String field, String currency, String number, String scale) {
        if (currency == null) {
            return null;
        }
        return new Amount(text.substring(m.start(), m.end()).strip(), parse(number) * multiplier(scale), currency,
                field, m.start(), m.end());
    }

    /** "300,000" and "300 000,5" group thousands; "1,5" and "1.5" are decimals. */
    private static double parse(String number) {
        String n = number.replace('\u00A0', ' ');
        if (n.matches("\\d{1,3}([, ]\\d{3})+(\\.\\d+)?")) {
            return Double.parseDouble(n.replaceAll("[, ]", ""));
        }
        if (n.matches("\\d{1,3}( \\d{3})+(,\\d+)?")) {
            return Double.parseDouble(n.replace(" ", "").replace(',', '.'));
        }
        return Double.parseDouble(n.replace(',', '.'));
    }

    private static double multiplier(String scale) {
        if (scale == null) {
            return 1;
        }
        String s = scale.toLowerCase(new Locale("ru"));
        if (s.startsWith("thousand") || s.startsWith("тыс")) {
            return 1e3;
        }
        if (s.startsWith("million") || s.equals("m") || s.startsWith("mln") || s.startsWith("млн") || s.startsWith("миллион")) {
            return 1e6;
        }
        if (s.startsWith("billion") || s.equals("bn") || s.startsWith("млрд") || s.startsWith("миллиард")) {
            return 1e9;
        }
        return 1e12;
    }

    private static String currency(String word) {
        String w = word.toLowerCase(new Locale("ru"));
        if (w.contains("dollar") || w.startsWith("долл")) {
            return "USD";
        }
        if (w.startsWith("roubl") || w.startsWith("rubl") || w.startsWith("руб")) {
            return "RUB";
        }
        if (w.startsWith("euro") || w.equals("евро")) {
            return "EUR";
        }
        if (w.startsWith("pound")) {
            return "GBP";
        }
        if (w.equals("yuan") || w.equals("юаней")) {
            return "CNY";
        }
        if (w.equals("somoni") || w.equals("сомони")) {
            return "TJS";
        }
        return w.equals("tenge") || w.equals("тенге") ? "KZT" : null;
    }
}
