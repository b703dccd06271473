package io.newswatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.config.ConfigProblem;
import io.newswatch.model.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSettingsTest {
    private static final Logger LOG = LoggerFactory.getLogger("io.newswatch.logtest.Example");

    private static List<String> logged(Runnable body) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            body.run();
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @AfterEach
    void backToDefaults() {
        LogSettings.setLevel("io.newswatch.logtest", "INFO");
    }

    @Test
    void levelsPerLoggerComeFromTheOption() {
        assertTrue(logged(() -> LOG.debug("hidden")).isEmpty());
        LogSettings.apply("text", "io.newswatch.logtest=DEBUG");
        List<String> lines = logged(() -> LOG.debug("shown"));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[DEBUG] Example - shown"), lines.get(0));
    }

    @Test
    void jsonFormatWritesOneObjectPerEvent() throws Exception {
        LogSettings.apply("json", "");
        List<String> lines = logged(() -> LOG.warn("disk {} is full", "sda"));
        JsonNode event = Json.MAPPER.readTree(lines.get(lines.size() - 1));
        assertEquals("WARN", event.get("level").asText());
        assertEquals("io.newswatch.logtest.Example", event.get("loggerName").asText());
        assertTrue(event.toString().contains("disk sda is full") || event.get("message").asText().contains("disk"));
    }

    @Test
    void aBadLevelOrFormatIsAConfigurationError() {
        assertThrows(ConfigProblem.class, () -> LogSettings.apply("xml", ""));
        assertThrows(ConfigProblem.class, () -> LogSettings.apply("text", "io.newswatch=LOUD"));
        assertThrows(ConfigProblem.class, () -> LogSettings.apply("text", "nolevel"));
        assertFalse(logged(() -> LOG.info("still fine")).isEmpty());
    }
}
