package io.newswatch.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.ingest.extract.ExtractedPage;
import io.newswatch.ingest.extract.PageExtractor;
import io.newswatch.ingest.fetch.FetchPolicy;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.PageFetcher;
import java.time.Clock;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the article from HTML pages (files or URLs) or text files and print one JSON line per input: "
                + "{\"input\", \"url\", \"title\", \"byline\", \"published_at\", \"lang\", \"site\", \"body\", "
                + "\"elapsed_ms\"}, or "
                + "{\"input\", \"error\"} for an input that cannot be read. This is how to check what Newswatch "
                + "keeps of a new source's pages.")
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE_OR_URL", arity = "1..*", description = "HTML or text files, or http(s) URLs "
            + "(fetched politely: robots.txt, a clear User-Agent, private addresses refused).")
    List<String> inputs;

    @Option(names = "--max-bytes", defaultValue = "10485760", description = "Largest input read (default ${DEFAULT-VALUE}).")
    long maxBytes;

    @Override
    public Integer call() {
        PageExtractor extractor = new PageExtractor();
        PageFetcher fetcher = new PageFetcher(FetchPolicy.defaults().withMaxBytes(maxBytes), Clock.systemUTC());
        int failed = 0;
        for (String input : inputs) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.put("input", input);
            long started = System.nanoTime();
            try {
                ExtractedPage page;
                if (input.startsWith("http://") || input.startsWith("https://")) {
                    FetchResult fetched = fetcher.fetch(input);
                    if (fetched.outcome() != FetchResult.Outcome.FETCHED) {
                        throw new IOException(fetched.outcome().name().toLowerCase() + ": " + fetched.reason());
                    }
                    page = extractor.extract(fetched.body(), fetched.contentType(), fetched.url());
                } else {
                    page = extractor.extract(read(Path.of(input)), null, null);
                }
                out.put("url", page.url());
                out.put("title", page.title());
                out.put("byline", page.byline());
                out.put("published_at", page.publishedAt() == null ? null : page.publishedAt().toString());
                out.put("lang", page.lang());
                out.put("site", page.site());
                out.put("body", page.body());
                out.put("elapsed_ms", Math.round((System.nanoTime() - started) / 1e5) / 10.0);
            } catch (IOException | RuntimeException | StackOverflowError e) {
                // One page must not end the run: a pathological page (nesting thousands deep) is an error line.
                failed++;
                out.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
            }
            System.out.println(Json.write(out));
        }
        return failed == 0 ? 0 : 1;
    }

    private byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a readable file: " + file);
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException("file is " + size + " bytes, over the limit of " + maxBytes);
        }
        return Files.readAllBytes(file);
    }
}
