package io.newswatch.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.model.Amount;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AmountExtractorTest {
    private final AmountExtractor extractor = new AmountExtractor();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "Moscow pledged 50 billion roubles to the army.|50 billion roubles|5.0E10|RUB",
            "Москва выделит 50 млрд рублей армии.|50 млрд рублей|5.0E10|RUB",
            "The package is worth $2.5 billion in total.|$2.5 billion|2.5E9|USD",
            "It will cost 2.5 billion dollars over five years.|2.5 billion dollars|2.5E9|USD",
            "A grant of $300,000 was signed.|$300,000|300000.0|USD",
            "США выделят $250 млн на оборудование.|$250 млн|2.5E8|USD",
            "The EU gave €12 million for training.|€12 million|1.2E7|EUR",
            "Помощь составила 1,5 млрд рублей.|1,5 млрд рублей|1.5E9|RUB"})
    void normalisesAmountsInEnglishAndRussian(String text, String written, double value, String currency) {
        List<Amount> found = extractor.find(text, "body");
        assertEquals(1, found.size(), found.toString());
        Amount a = found.get(0);
        assertEquals(written, a.text());
        assertEquals(value, a.value(), 1e-3);
        assertEquals(currency, a.currency());
        assertEquals(written, text.substring(a.start(), a.end()));
    }

    @Test
    void findsEveryAmountOnceEvenWhenBothFormsOverlap() {
        List<Amount> found = extractor.find("He cited $70 billion dollars, then 70 billion rubles (about $1.2 billion).", "body");
        assertEquals(List.of("USD", "RUB", "USD"), found.stream().map(Amount::currency).toList());
    }

    @Test
    void ignoresNumbersThatAreNotMoney() {
        assertTrue(extractor.find("About 4,000 troops and 50 tanks took part in 2026.", "body").isEmpty());
    }
}
