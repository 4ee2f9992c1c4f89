package org.snapcache.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.snapcache.archive.Capture;
import org.snapcache.extract.ContentExtractor;

/**
 * Scores text extractors on the trafilatura evaluation corpus with its own metric: per page,
 * each "with" segment found is a true positive (else a false negative), each "without" segment
 * found a false positive (else a true negative); whitespace normalised; summed over all pages.
 * snapcache, the plain body text and Readability4J run side by side on the same pages.
 *
 * <p>Run with {@code bench/extraction [corpus folder] [max pages] [floor]}: with a floor, it exits 1
 * when snapcache's F-score falls below it.
 */
public final class ExtractionBenchmark {

    record Page(String url, byte[] html, List<String> with, List<String> without) {}

    record Score(int tp, int fp, int fn, int tn, long nanos, int pages) {
        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/fixtures/extraction/trafilatura-eval");
        int limit = args.length > 1 && !args[1].isEmpty() ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        double floor = args.length > 2 && !args[2].isEmpty() ? Double.parseDouble(args[2]) : 0;
        List<Page> pages = load(corpus, limit);
        ContentExtractor snapcache = new ContentExtractor();
        Map<String, Function<Page, String>> extractors = new LinkedHashMap<>();
        extractors.put("snapcache", page -> {
            try {
                return snapcache.extract(new Capture(page.url(), Capture.ARCHIVE, "", "", Optional.empty(), 200, "text/html",
                        Optional.empty(), page.html())).text();
            } catch (Exception e) {
                return "";
            }
        });
        extractors.put("body.text() baseline", page -> Jsoup.parse(decode(page.html()), page.url()).body().text());
        extractors.put("Readability4J 1.0.8", page -> {
            String content = new Readability4J(page.url(), decode(page.html())).parse().getTextContent();
            return content == null ? "" : content;
        });
        System.out.printf(Locale.ROOT, "%d pages from %s%n%n", pages.size(), corpus);
        System.out.printf(Locale.ROOT, "| extractor | precision | recall | F-score | pages/s |%n| --- | --- | --- | --- | --- |%n");
        for (Map.Entry<String, Function<Page, String>> extractor : extractors.entrySet()) {
            Score score = score(pages, extractor.getValue(), extractor.getKey().equals("snapcache"));
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.0f |%n", extractor.getKey(), score.precision(),
                    score.recall(), score.f(), score.pages() / (score.nanos() / 1e9));
            if (extractor.getKey().equals("snapcache") && score.f() < floor) {
                System.out.printf(Locale.ROOT, "snapcache's F-score %.3f is below the floor %.3f%n", score.f(), floor);
                System.exit(1);
            }
        }
    }

    static Score score(List<Page> pages, Function<Page, String> extractor, boolean explain) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        long started = System.nanoTime();
        for (Page page : pages) {
            String text;
            try {
                text = normalise(extractor.apply(page));
            } catch (RuntimeException | StackOverflowError e) {
                text = "";
            }
            for (String segment : page.with()) {
                if (text.contains(normalise(segment))) {
                    tp++;
                } else {
                    fn++;
                    explain(explain, "missed", page, segment);
                }
            }
            for (String segment : page.without()) {
                if (text.contains(normalise(segment))) {
                    fp++;
                    explain(explain, "kept  ", page, segment);
                } else {
                    tn++;
                }
            }
        }
        return new Score(tp, fp, fn, tn, System.nanoTime() - started, pages.size());
    }

    /** With {@code -Dbench.explain=true}, each miss and each boilerplate segment kept goes to stderr. */
    private static void explain(boolean explain, String what, Page page, String segment) {
        if (explain && Boolean.getBoolean("bench.explain")) {
            System.err.println(what + " " + page.url() + " :: " + segment.substring(0, Math.min(80, segment.length())));
        }
    }

    static String normalise(String text) {
        return String.join(" ", text.trim().split("\\s+"));
    }

    static String decode(byte[] html) {
        return new String(html, java.nio.charset.Charset.forName(detect(html)));
    }

    /** The charset jsoup picks (BOM, then meta, else UTF-8), so the baselines read the same text snapcache does. */
    static String detect(byte[] html) {
        try {
            return Jsoup.parse(new java.io.ByteArrayInputStream(html), null, "").charset().name();
        } catch (IOException e) {
            return "UTF-8";
        }
    }

    static List<Page> load(Path corpus, int limit) throws IOException {
        JsonNode data = new ObjectMapper().readTree(corpus.resolve("evaldata.json").toFile());
        List<Page> pages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext() && pages.size() < limit; ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String file = entry.getValue().get("file").asText();
            Path path = corpus.resolve("cache").resolve(file + ".gz");
            if (!Files.exists(path)) {
                path = corpus.resolve("eval").resolve(file + ".gz");
            }
            if (!Files.exists(path)) {
                continue;
            }
            byte[] html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
                html = in.readAllBytes();
            }
            pages.add(new Page(entry.getKey(), html, strings(entry.getValue().get("with")), strings(entry.getValue().get("without"))));
        }
        return pages;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> values.add(node.asText()));
        }
        return values;
    }
}
