package io.newswatch.ingest.folder;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.ingest.clean.DateFinder;
import io.newswatch.ingest.clean.Hints;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one file of a folder source into documents: a {@code .txt} or {@code .html} file is one document; a
 * {@code .jsonl} file is one document per line, with fields {@code text} (or {@code body}, or {@code html}) and
 * optionally {@code url}, {@code title}, {@code byline}, {@code source}, {@code published_at}, {@code lang}.
 * A bad line is rejected on its own; the other lines still count.
 */
public final class ArticleFileReader {
    public static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text");
    public static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml");
    public static final Set<String> JSONL_EXTENSIONS = Set.of("jsonl", "ndjson");

    private final FileDecoder decoder;

    public ArticleFileReader(long maxFileBytes) {
        this.decoder = new FileDecoder(maxFileBytes);
    }

    public record Result(List<InputDocument> documents, List<Rejection> rejections) {
    }

    public static boolean isSupported(Path file) {
        String ext = extension(file);
        return TEXT_EXTENSIONS.contains(ext) || HTML_EXTENSIONS.contains(ext) || JSONL_EXTENSIONS.contains(ext);
    }

    public Result read(Path file) {
        FileDecoder.Decoded decoded = decoder.read(file);
        if (decoded.rejection() != null) {
            return new Result(List.of(), List.of(decoded.rejection()));
        }
        String ext = extension(file);
        String origin = file.toString();
        if (JSONL_EXTENSIONS.contains(ext)) {
            return readJsonLines(origin, decoded.text());
        }
        boolean html = HTML_EXTENSIONS.contains(ext);
        return new Result(List.of(new InputDocument(origin, null, html, decoded.text(), Hints.NONE)), List.of());
    }

    private Result readJsonLines(String origin, String text) {
        List<InputDocument> documents = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String lineOrigin = origin + ":" + (i + 1);
            byte[] original = line.getBytes(StandardCharsets.UTF_8);
            try {
                JsonNode node = Json.MAPPER.readTree(line);
                if (node == null || !node.isObject()) {
                    rejections.add(new Rejection(lineOrigin, "malformed-json", "line is not a JSON object", original));
                    continue;
                }
                String html = string(node, "html");
                String body = html != null ? html : firstNonNull(string(node, "text"), string(node, "body"));
                if (body == null || body.isBlank()) {
                    rejections.add(new Rejection(lineOrigin, "no-text",
                            "JSON line has no \"text\", \"body\" or \"html\" field", original));
                    continue;
                }
                Hints hints = new Hints(string(node, "title"), string(node, "byline"),
                        instant(string(node, "published_at")), string(node, "source"), string(node, "lang"));
                documents.add(new InputDocument(lineOrigin, string(node, "url"), html != null, body, hints));
            } catch (IOException e) {
                rejections.add(new Rejection(lineOrigin, "malformed-json", "malformed JSON: "
                        + e.getMessage().lines().findFirst().orElse(""), original));
            }
        }
        return new Result(documents, rejections);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return DateFinder.parse(value);
        }
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
