package io.newswatch.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.ingest.assemble.ArticleAssembler;
import io.newswatch.ingest.assemble.ArticleInput;
import io.newswatch.ingest.assemble.Assembled;
import io.newswatch.ingest.clean.Hints;
import io.newswatch.ingest.extract.ExtractionLimits;
import io.newswatch.ingest.fetch.FetchPolicy;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.PageFetcher;
import io.newswatch.model.RawArticle;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the article from HTML pages (files or URLs) or text files, exactly as ingest does, and "
                + "print one JSON line per input: {\"input\", \"id\", \"url\", \"title\", \"byline\", \"published_at\", "
                + "\"lang\", \"site\", \"body\", \"elapsed_ms\"}, or {\"input\", \"code\", \"error\"} for an input that "
                + "gives no article (the reason ingest would dead-letter it with). Exits 1 when any input failed. "
                + "This is how to check what Newswatch keeps of a new source's pages.")
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE_OR_URL", arity = "1..*", description = "HTML or text files, or http(s) URLs "
            + "(fetched politely: robots.txt, a clear User-Agent, private addresses refused).")
    List<String> inputs;

    @Option(names = "--max-bytes", defaultValue = "10485760", description = "Largest input read (default ${DEFAULT-VALUE}).")
    long maxBytes;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        ArticleAssembler assembler = new ArticleAssembler(new ArticleAssembler.Limits(maxBytes,
                ArticleAssembler.Limits.defaults().maxBodyChars(), ExtractionLimits.defaults()), clock);
        PageFetcher fetcher = new PageFetcher(FetchPolicy.defaults().withMaxBytes(maxBytes), clock);
        int failed = 0;
        for (String input : inputs) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.put("input", input);
            long started = System.nanoTime();
            try {
                Assembled result = assembler.assemble(read(input, fetcher));
                if (result.ok()) {
                    RawArticle a = result.article();
                    out.put("id", a.id());
                    out.put("url", a.url());
                    out.put("title", a.title());
                    out.put("byline", a.byline());
                    out.put("published_at", a.publishedAt() == null ? null : a.publishedAt().toString());
                    out.put("lang", a.lang());
                    out.put("site", a.source());
                    out.put("body", a.body());
                    out.put("elapsed_ms", Math.round((System.nanoTime() - started) / 1e5) / 10.0);
                } else {
                    failed++;
                    out.put("code", result.rejection().code());
                    out.put("error", result.rejection().reason());
                }
            } catch (IOException e) {
                failed++;
                out.put("code", "unreadable");
                out.put("error", e.getMessage());
            }
            System.out.println(Json.write(out));
        }
        return failed == 0 ? 0 : 1;
    }

    private ArticleInput read(String input, PageFetcher fetcher) throws IOException {
        if (input.startsWith("http://") || input.startsWith("https://")) {
            FetchResult fetched = fetcher.fetch(input);
            if (fetched.outcome() != FetchResult.Outcome.FETCHED) {
                throw new IOException(fetched.outcome().name().toLowerCase() + ": " + fetched.reason());
            }
            return ArticleInput.ofBytes(input, fetched.url(), fetched.contentType(), fetched.body(), Hints.NONE, null);
        }
        Path file = Path.of(input);
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a readable file: " + file);
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new IOException("file is " + size + " bytes, over the limit of " + maxBytes);
        }
        return ArticleInput.ofBytes(input, null, null, Files.readAllBytes(file), Hints.NONE, null);
    }
}
