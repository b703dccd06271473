package io.newswatch.ingest.folder;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.ingest.assemble.ArticleInput;
import io.newswatch.ingest.assemble.BodyDecoder;
import io.newswatch.ingest.assemble.Rejection;
import io.newswatch.ingest.clean.DateFinder;
import io.newswatch.ingest.clean.Hints;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one file of a folder source into inputs for the {@link io.newswatch.ingest.assemble.ArticleAssembler}: a
 * {@code .txt} or {@code .html} file is one input (its bytes, decoded there like any page); a {@code .jsonl} file is
 * one input per line, with fields {@code text} (or {@code body}, or {@code html}) and optionally {@code url},
 * {@code title}, {@code byline}, {@code source}, {@code published_at}, {@code lang}. A file over the size limit is
 * rejected before it is read; a bad line is rejected on its own and the other lines still count.
 */
public final class ArticleFileReader {
    public static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text");
    public static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml");
    public static final Set<String> JSONL_EXTENSIONS = Set.of("jsonl", "ndjson");
    private static final int SAMPLE_BYTES = 64 * 1024;

    private final long maxFileBytes;
    private final BodyDecoder decoder;

    public ArticleFileReader(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
        this.decoder = new BodyDecoder(maxFileBytes);
    }

    public record Result(List<ArticleInput> inputs, List<Rejection> rejections) {
        static Result rejected(Rejection rejection) {
            return new Result(List.of(), List.of(rejection));
        }
    }

    public static boolean isSupported(Path file) {
        String ext = extension(file);
        return TEXT_EXTENSIONS.contains(ext) || HTML_EXTENSIONS.contains(ext) || JSONL_EXTENSIONS.contains(ext);
    }

    /** @param defaultSource the source name of articles that name none (the folder's name) */
    public Result read(Path file, String defaultSource) {
        String origin = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                return Result.rejected(new Rejection(origin, "too-large", "file is " + size + " bytes, over the limit of "
                        + maxFileBytes + " bytes (ingest.max.file.bytes)", head(file)));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Result.rejected(new Rejection(origin, "unreadable", "cannot read file: " + e, null));
        }
        String ext = extension(file);
        if (JSONL_EXTENSIONS.contains(ext)) {
            BodyDecoder.Decoded decoded = decoder.decode(origin, bytes, null);
            return decoded.rejection() != null ? Result.rejected(decoded.rejection())
                    : readJsonLines(origin, decoded.text(), defaultSource);
        }
        String type = HTML_EXTENSIONS.contains(ext) ? ArticleInput.HTML : ArticleInput.PLAIN;
        return new Result(List.of(ArticleInput.ofBytes(origin, null, type, bytes, Hints.NONE, defaultSource)),
                List.of());
    }

    private Result readJsonLines(String origin, String text, String defaultSource) {
        List<ArticleInput> inputs = new ArrayList<>();
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
                inputs.add(ArticleInput.ofText(lineOrigin, string(node, "url"),
                        html != null ? ArticleInput.HTML : ArticleInput.PLAIN, body, hints, defaultSource));
            } catch (IOException e) {
                rejections.add(new Rejection(lineOrigin, "malformed-json", "malformed JSON: "
                        + e.getMessage().lines().findFirst().orElse(""), original));
            }
        }
        return new Result(inputs, rejections);
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
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

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        }
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
