package io.newswatch.ingest.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The sources file (YAML, {@code sources: [...]}, one entry per source: id, kind, url, poll_interval as an ISO-8601
 * duration, lang, tags). An unknown key is an error, so a misspelt {@code poll_interval} is not silently ignored.
 * Source records on the topic are the same entries as JSON.
 */
public final class SourcesFile {
    public static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record File(List<Source> sources) {
    }

    private SourcesFile() {
    }

    public static List<Source> load(Path path) {
        try {
            File file = MAPPER.readValue(path.toFile(), File.class);
            return file.sources() == null ? List.of() : file.sources();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid sources file " + path + ": " + e.getMessage(), e);
        }
    }

    /** A source from its record on the sources topic (JSON is YAML). */
    public static Source parse(byte[] json) throws IOException {
        return MAPPER.readValue(json, Source.class);
    }
}
