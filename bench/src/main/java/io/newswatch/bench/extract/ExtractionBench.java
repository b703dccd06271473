package io.newswatch.bench.extract;

import io.newswatch.ingest.assemble.ArticleAssembler;
import io.newswatch.ingest.assemble.ArticleInput;
import io.newswatch.ingest.clean.Hints;
import io.newswatch.ingest.extract.HtmlArticleExtractor;
import java.time.Clock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Time to extract an article from a page against the floor, jsoup's parse of the same page, in one JVM: every
 * page is parsed and extracted several times after a warm-up, each page's median is kept, and the median and 90th
 * percentile over pages are printed with their ratio; then the whole route a page takes in ingest (bytes decoded,
 * extracted, lines cleaned).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.newswatch.bench.extract.ExtractionBench [DIR...]</pre>
 * Without arguments it reads ../shared/extraction-dev/html and ../shared/extraction-multilingual/html.
 */
public final class ExtractionBench {
    private static final int WARMUP_ROUNDS = 3;
    private static final int ROUNDS = 7;

    private ExtractionBench() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (String a : args) {
            dirs.add(Path.of(a));
        }
        if (dirs.isEmpty()) {
            dirs.add(Path.of("..", "shared", "extraction-dev", "html"));
            dirs.add(Path.of("..", "shared", "extraction-multilingual", "html"));
        }
        List<String> pages = new ArrayList<>();
        List<byte[]> raw = new ArrayList<>();
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                        // Decoding is not what is timed: both sides get the same string.
                        raw.add(Files.readAllBytes(f));
                        pages.add(new String(raw.get(raw.size() - 1), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        if (pages.isEmpty()) {
            System.err.println("no pages: give folders of .html files");
            return;
        }
        HtmlArticleExtractor extractor = new HtmlArticleExtractor();
        ArticleAssembler assembler = new ArticleAssembler(ArticleAssembler.Limits.defaults(), Clock.systemUTC());
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (String page : pages) {
                Jsoup.parse(page);
                extractor.extract(page, "");
            }
            raw.forEach(bytes -> assembler.assemble(input(bytes)));
        }
        double[] parse = new double[pages.size()];
        double[] extract = new double[pages.size()];
        double[] assemble = new double[pages.size()];
        double[] rounds = new double[ROUNDS];
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            for (int r = 0; r < ROUNDS; r++) {
                long start = System.nanoTime();
                Jsoup.parse(page);
                rounds[r] = (System.nanoTime() - start) / 1e6;
            }
            parse[i] = median(rounds);
            for (int r = 0; r < ROUNDS; r++) {
                long start = System.nanoTime();
                extractor.extract(page, "");
                rounds[r] = (System.nanoTime() - start) / 1e6;
            }
            extract[i] = median(rounds);
            ArticleInput in = input(raw.get(i));
            for (int r = 0; r < ROUNDS; r++) {
                long start = System.nanoTime();
                assembler.assemble(in);
                rounds[r] = (System.nanoTime() - start) / 1e6;
            }
            assemble[i] = median(rounds);
        }
        System.out.printf("%d pages, %.0f KB median; per page, median of %d runs after %d warm-up rounds%n",
                pages.size(), median(pages.stream().mapToDouble(p -> p.length() / 1024.0).toArray()), ROUNDS,
                WARMUP_ROUNDS);
        System.out.printf("%-28s %8s %8s%n", "ms per page", "median", "p90");
        System.out.printf("%-28s %8.2f %8.2f%n", "jsoup parse (floor)", median(parse), percentile(parse, 0.9));
        System.out.printf("%-28s %8.2f %8.2f%n", "newswatch extract", median(extract), percentile(extract, 0.9));
        System.out.printf("%-28s %8.2f %8.2f%n", "  + decode and clean", median(assemble),
                percentile(assemble, 0.9));
        System.out.printf("extract / parse: %.2f (median)%n", median(extract) / median(parse));
    }

    private static ArticleInput input(byte[] bytes) {
        return ArticleInput.ofBytes("page.html", null, "text/html", bytes, Hints.NONE, "bench");
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * (sorted.length - 1) + 0.5))];
    }
}
