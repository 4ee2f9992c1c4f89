package org.snapcache.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.snapcache.archive.Capture;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.MetaJson;
import org.snapcache.config.ResourceId;
import org.snapcache.config.SaveSettings;
import org.snapcache.config.Settings;
import org.snapcache.extract.ContentExtractor;
import org.snapcache.extract.ExtractionException;
import org.snapcache.extract.PreviewCutter;

/**
 * snapcache against the physical bounds of its work, each figure beside its bound in the same run:
 * nightly runs bound by the archive's latency and by the rate limit, against a stub archive on
 * 127.0.0.1; the freshness report over 100,000 entries against {@code cat} of their meta.json;
 * extraction against jsoup's parse alone; start-up; peak memory as the catalogue grows; and status
 * and a dry run over catalogues in the shape the wiki writes them, of 6,000 and 100,000 entries.
 * snapcache runs as users run it, through {@code ./snapcache}, one process per run.
 *
 * <p>Run with {@code bench/perf [--runs N] [--only latency,rate,saves,status,extraction,startup,memory,catalogue]}
 * from the repository's root. Exits 1 when a figure misses its target.
 */
public final class PerfBenchmark {

    static final String CAPTURE = "20240101000000";
    static final Path ROOT = Path.of("").toAbsolutePath();

    record Row(String figure, String measured, String bound, double ratio, String target, boolean ok) {}

    private final List<Row> rows = new ArrayList<>();
    private final int runs;
    private final Path work;

    PerfBenchmark(int runs, Path work) {
        this.runs = runs;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals(EXTRACTION_FORK)) {
            extractionFork();
            return;
        }
        int runs = 3;
        Set<String> only = Set.of("latency", "rate", "saves", "status", "extraction", "startup", "memory", "catalogue");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--only" -> only = Set.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --runs N and --only latency,rate,saves,status,extraction,startup,memory,catalogue");
            }
        }
        Path work = Files.createTempDirectory("snapcache-bench");
        PerfBenchmark bench = new PerfBenchmark(runs, work);
        System.out.printf(Locale.ROOT, "snapcache performance, medians of %d runs, %d cores, %s%n%n", runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (StubArchive archive = new StubArchive(pages())) {
            if (only.contains("latency")) {
                bench.latencyBound(archive);
            }
            if (only.contains("rate")) {
                bench.rateBound(archive);
            }
            if (only.contains("saves")) {
                bench.saves(archive);
            }
            if (only.contains("status")) {
                bench.statusAtScale();
            }
            if (only.contains("extraction")) {
                bench.extraction();
            }
            if (only.contains("memory")) {
                bench.memory(archive);
            }
            if (only.contains("catalogue")) {
                bench.wikiCatalogue(6_000);
                bench.wikiCatalogue(100_000);
            }
            // last, when this harness's own compiler has settled and takes no core from what it times
            if (only.contains("startup")) {
                bench.startup();
            }
        } finally {
            // BENCH_KEEP keeps the generated catalogues and caches, to profile a command over them by hand.
            if (System.getenv("BENCH_KEEP") == null) {
                deleteTree(work);
            } else {
                System.err.println("kept " + work);
            }
        }
        System.out.printf(Locale.ROOT, "%n| figure | measured | bound | ratio | target | |%n| --- | --- | --- | --- | --- | --- |%n");
        for (Row row : bench.rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", row.figure(), row.measured(), row.bound(),
                    Double.isNaN(row.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", row.ratio()), row.target(),
                    row.ok() ? "ok" : "MISSED");
        }
        System.exit(bench.rows.stream().allMatch(Row::ok) ? 0 : 1);
    }

    // ---- 1 and 2: nightly runs ----

    void latencyBound(StubArchive archive) throws Exception {
        int n = 2000;
        int concurrency = 8;
        long latency = Long.getLong("bench.latency", 50);
        archive.latencyMillis = latency;
        double bound = 2.0 * n * latency / 1000 / concurrency;
        List<Double> walls = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path dir = catalogue("latency", n, archive, concurrency, 100_000);
            walls.add(snapcache(dir, List.of(), "run").seconds());
            checkAllFresh(dir, n);
        }
        double wall = median(walls);
        rows.add(new Row("nightly run, latency-bound (2,000 resources, 50 ms, concurrency 8)", seconds(wall),
                seconds(bound) + " (4,000 round trips × 50 ms / 8)", wall / bound, "≤ 1.25", wall <= 1.25 * bound));
    }

    void rateBound(StubArchive archive) throws Exception {
        int n = 300;
        int perMinute = 1200;
        archive.latencyMillis = 50;
        double bound = 2.0 * n * 60 / perMinute;
        List<Double> walls = new ArrayList<>();
        int worstWindow = 0;
        for (int run = 0; run < runs; run++) {
            Path dir = catalogue("rate", n, archive, 8, perMinute);
            Path log = dir.resolve("requests.log");
            walls.add(snapcache(dir, List.of(), "run", "--request-log", log.toString()).seconds());
            checkAllFresh(dir, n);
            worstWindow = Math.max(worstWindow, busiestMinute(log));
            if (System.getenv("BENCH_VERBOSE") != null) {
                List<String> lines = Files.readAllLines(log);
                System.err.println("request log: first " + lines.get(0) + ", last " + lines.get(lines.size() - 1));
            }
        }
        double wall = median(walls);
        rows.add(new Row("nightly run, rate-bound (300 resources, 1,200 requests/min)", seconds(wall),
                seconds(bound) + " (600 requests ÷ 1,200/min)", wall / bound, "≤ 1.05", wall <= 1.05 * bound));
        rows.add(new Row("busiest 60 s of the request log", worstWindow + " requests", perMinute + " requests",
                (double) worstWindow / perMinute, "≤ 1", worstWindow <= perMinute));
    }

    /** The most requests the log shows starting within any 60 seconds. */
    static int busiestMinute(Path log) throws IOException {
        List<Double> starts = Files.readAllLines(log).stream().map(line -> Double.parseDouble(line.split("\t")[0])).sorted().toList();
        int most = 0;
        int from = 0;
        for (int to = 0; to < starts.size(); to++) {
            while (starts.get(to) - starts.get(from) >= 60) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    void checkAllFresh(Path dir, int n) throws Exception {
        String status = snapcache(dir, List.of(), "status").out();
        if (!status.contains(": " + n + " fresh")) {
            throw new IllegalStateException("not every resource was refreshed:\n" + status);
        }
    }

    // ---- nightly run with saves ----

    /**
     * 100 resources the archive has never captured, with {@code save-missing}: each is asked for
     * at {@code saves-per-minute} and read once its job (3 s in the stub, polled first after 5 s)
     * succeeds. The bound is the save rate alone: 100 saves ÷ 60 a minute.
     */
    void saves(StubArchive archive) throws Exception {
        int n = 100;
        int perMinute = 60;
        archive.latencyMillis = 50;
        double bound = n * 60.0 / perMinute;
        List<Double> walls = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path dir = work.resolve("saves");
            deleteTree(dir);
            Files.createDirectories(dir);
            StringBuilder config = new StringBuilder("cache-dir: cache\narchive:\n  base-url: " + archive.base()
                    + "\n  save-missing: true\n  saves-per-minute: " + perMinute
                    + "\nhttp:\n  concurrency: 8\n  requests-per-minute: 10000\n  retries: 0\nresources:\n");
            for (int i = 0; i < n; i++) {
                config.append("  - url: https://example.org").append(StubArchive.NEVER_ARCHIVED).append(i).append('\n');
            }
            Files.writeString(dir.resolve("config.yaml"), config);
            ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("snapcache").toString(), "--config", "config.yaml", "run");
            builder.environment().put(SaveSettings.ACCESS_KEY, StubArchive.ACCESS);
            builder.environment().put(SaveSettings.SECRET_KEY, StubArchive.SECRET);
            Result result = run(dir, builder, false);
            if (!result.out().contains("saves (Save Page Now): " + n + " asked for, " + n + " captured")) {
                throw new IllegalStateException("not every save was asked for and read:\n" + result.out());
            }
            checkAllFresh(dir, n);
            walls.add(result.seconds());
        }
        double wall = median(walls);
        rows.add(new Row("nightly run, 100 never-archived resources saved (60 saves/min, jobs of 3 s)", seconds(wall),
                seconds(bound) + " (100 saves ÷ 60/min)", wall / bound, "≤ 1.2", wall <= 1.2 * bound));
    }

    // ---- 3: status over 100,000 entries ----

    void statusAtScale() throws Exception {
        int n = 100_000;
        Path dir = work.resolve("status");
        generateCache(dir, n);
        // the first report reads every meta.json and writes .status-index; it is timed on its own,
        // against a cat run just before it, and the rounds after it time the report a user sees
        // on every other day (each round's status comes straight after its cat, as the first did)
        double firstCat = timed(dir, List.of("sh", "-c", "find cache -name meta.json -print0 | xargs -0 cat > /dev/null")).seconds();
        double first = snapcache(dir, List.of(), "status").seconds();
        rows.add(new Row("status, first report over 100,000 new entries (writes .status-index)", seconds(first),
                seconds(firstCat) + " (cat of every meta.json)", first / firstCat, "≤ 2", first <= 2 * firstCat));
        List<Double> cat = new ArrayList<>();
        List<Double> status = new ArrayList<>();
        List<Double> json = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            cat.add(timed(dir, List.of("sh", "-c", "find cache -name meta.json -print0 | xargs -0 cat > /dev/null")).seconds());
            status.add(snapcache(dir, List.of(), "status").seconds());
            json.add(snapcache(dir, List.of(), "status", "--json").seconds());
        }
        double catWall = median(cat);
        for (String command : List.of("status", "status --json")) {
            double wall = median(command.equals("status") ? status : json);
            rows.add(new Row(command + " over 100,000 entries", seconds(wall), seconds(catWall) + " (cat of every meta.json)",
                    wall / catWall, "≤ 1", wall <= catWall));
        }
    }

    /** A catalogue of {@code n} resources, every one with a fresh entry in the cache, as a run leaves them. */
    void generateCache(Path dir, int n) throws IOException {
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache);
        StringBuilder config = new StringBuilder("cache-dir: cache\nmax-age: 3650d\nresources:\n");
        String preview = "The text of the page, as a reader sees it. ".repeat(70);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            String url = "https://example.org/articles/" + i;
            config.append("  - url: ").append(url).append('\n');
            String id = ResourceId.forUrl(url);
            Path entry = Files.createDirectories(cache.resolve(id));
            EntryMeta meta = new EntryMeta(EntryMeta.SCHEMA_VERSION, id, url, null, "Article " + i,
                    "https://web.archive.org/web/" + CAPTURE + "id_/" + url, CAPTURE, CAPTURE, null, "archive", now, now, 200,
                    "text/html", "UTF-8", 40_000L, 12_000, preview.length(), true, "sha256:" + "0".repeat(64), null, now, null, 0, null, null, null, null);
            Files.writeString(entry.resolve("meta.json"), MetaJson.write(meta));
            Files.writeString(entry.resolve("preview.txt"), preview);
        }
        Files.writeString(dir.resolve("config.yaml"), config);
    }

    // ---- 4: extraction against jsoup's parse ----

    /**
     * Bytes read in the warm-up and in each sample: the shared corpus (14 MB) is read 3 and 4
     * times; the dozen pages in the repository (1 MB), when it is not there, as often as it takes
     * for the compiler to settle as far.
     */
    static final long WARM_UP_BYTES = 40_000_000;
    static final long SAMPLE_BYTES = 55_000_000;

    /** The argument that makes this class one fork of the extraction measurement. */
    static final String EXTRACTION_FORK = "--extraction-fork";

    /**
     * Extraction and parse measured side by side in each of {@code runs} fresh JVMs, as the JIT
     * compiles jsoup's parser a little differently in each (the ratio moved by 0.1 between one
     * JVM and the next); the row is the fork with the median ratio.
     */
    void extraction() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PerfBenchmark.class.getName(), EXTRACTION_FORK));
        List<Fork> forks = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Process fork = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(fork.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (fork.waitFor() != 0) {
                throw new IOException("the extraction fork failed: " + out);
            }
            String[] figures = out.split(" ");
            forks.add(new Fork(Double.parseDouble(figures[0]), Double.parseDouble(figures[1]), Integer.parseInt(figures[2]),
                    Long.parseLong(figures[3])));
        }
        forks.sort(Comparator.comparingDouble(Fork::ratio));
        System.err.println("extraction ÷ parse in each JVM: " + forks.stream()
                .map(fork -> String.format(Locale.ROOT, "%.2f", fork.ratio())).collect(Collectors.joining(" ")));
        Fork median = forks.get(forks.size() / 2);
        double mb = median.bytes() / 1e6;
        rows.add(new Row(String.format(Locale.ROOT, "extraction, HTML to preview (%d pages, %.1f MB, one core)", median.pages(), mb),
                String.format(Locale.ROOT, "%.1f MB/s", mb / median.extractSeconds()),
                String.format(Locale.ROOT, "%.1f MB/s (jsoup parse alone)", mb / median.parseSeconds()),
                median.ratio(), "≤ 1.7", median.ratio() <= 1.7));
    }

    /** What one fork measured: the median seconds of a parse and of an extraction of the corpus, its pages and bytes. */
    record Fork(double parseSeconds, double extractSeconds, int pages, long bytes) {
        double ratio() {
            return extractSeconds / parseSeconds;
        }
    }

    /** One fork: prints the median seconds of a parse and of an extraction of the corpus, its pages and its bytes. */
    static void extractionFork() throws Exception {
        List<byte[]> pages = corpus();
        long bytes = pages.stream().mapToLong(page -> page.length).sum();
        int passes = (int) Math.max(1, (SAMPLE_BYTES + bytes - 1) / bytes);
        // as a night reads pages by default: the preview, the whole text and the whole page's text
        ContentExtractor extractor = new ContentExtractor(Settings.DEFAULT_PREVIEW_CHARS, Settings.DEFAULT_FULL_TEXT_CHARS);
        PreviewCutter cutter = new PreviewCutter(Settings.DEFAULT_PREVIEW_CHARS);
        for (long warm = 0; warm < WARM_UP_BYTES; warm += bytes) {
            parseAll(pages);
            extractAll(pages, extractor, cutter);
        }
        // each sample reads the corpus several times, so that a collection of the heap, which the
        // extraction's garbage makes come sooner, falls into the sample it belongs to
        List<Double> parse = new ArrayList<>();
        List<Double> extract = new ArrayList<>();
        for (int run = 0; run < 7; run++) {
            double parseSeconds = 0;
            double extractSeconds = 0;
            for (int pass = 0; pass < passes; pass++) {
                parseSeconds += parseAll(pages);
                extractSeconds += extractAll(pages, extractor, cutter);
            }
            parse.add(parseSeconds / passes);
            extract.add(extractSeconds / passes);
        }
        System.out.printf(Locale.ROOT, "%.6f %.6f %d %d%n", median(parse), median(extract), pages.size(), bytes);
    }

    static double parseAll(List<byte[]> pages) throws IOException {
        long start = System.nanoTime();
        int elements = 0;
        for (byte[] page : pages) {
            elements += Jsoup.parse(new ByteArrayInputStream(page), null, "https://example.org/").getAllElements().size() > 0 ? 1 : 0;
        }
        if (elements < 0) {
            throw new AssertionError();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static double extractAll(List<byte[]> pages, ContentExtractor extractor, PreviewCutter cutter) {
        long start = System.nanoTime();
        int chars = 0;
        for (byte[] page : pages) {
            try {
                chars += cutter.cut(extractor.extract(new Capture("https://example.org/", Capture.ARCHIVE, CAPTURE, CAPTURE,
                        Optional.empty(), 200, "text/html", Optional.empty(), page)).text()).length();
            } catch (ExtractionException e) {
                chars--;
            }
        }
        if (chars == Integer.MIN_VALUE) {
            throw new AssertionError();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The recorded archive pages, and the extraction corpus's pages when {@code ../shared} is beside the checkout. */
    static List<byte[]> corpus() throws IOException {
        List<byte[]> pages = new ArrayList<>();
        for (String name : List.of("ia-id-200-nasa-1996capture-2026fetch.html", "ia-view-200-fws-birds.html",
                "ia-id-404-whitehouse-faqs.html", "ia-view-404-whitehouse-faqs.html")) {
            pages.add(resource("/wayback/" + name));
        }
        Path shared = ROOT.resolve("../shared/fixtures/extraction/trafilatura-eval/cache");
        Path local = ROOT.resolve("src/test/resources/extraction");
        for (Path folder : List.of(Files.isDirectory(shared) ? shared : local)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".html.gz")).sorted().toList()) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                        pages.add(in.readAllBytes());
                    }
                }
            }
        }
        return pages;
    }

    // ---- 5: start-up and memory ----

    void startup() throws Exception {
        Path dir = work.resolve("startup");
        generateCache(dir, 10);
        String id = ResourceId.forUrl("https://example.org/articles/3");
        // builds the jar if needed and, outside the timing, lets the JVM make its class archive: it
        // keeps the classes of the first command after a build, here show's
        Files.deleteIfExists(ROOT.resolve("target/snapcache.jsa"));
        snapcache(dir, List.of(), "show", id);
        snapcache(dir, List.of(), "show", id);
        List<String> javaVersion = List.of(launcherJava(), "-version");
        List<Double> java = new ArrayList<>();
        List<Double> version = new ArrayList<>();
        List<Double> show = new ArrayList<>();
        for (int run = 0; run < Math.max(runs, 5); run++) {
            java.add(timed(dir, javaVersion).seconds());
            version.add(snapcache(dir, List.of(), "--version").seconds());
            show.add(snapcache(dir, List.of(), "show", id).seconds());
        }
        double bound = median(java);
        for (String command : List.of("--version", "show")) {
            double wall = median(command.equals("show") ? show : version);
            rows.add(new Row("start-up: snapcache " + command, seconds(wall), seconds(bound) + " (java -version)", wall / bound,
                    "≤ 4", wall <= 4 * bound));
        }
    }

    /** The java the launcher runs: a JDK 19 or later from JAVA_HOME or /usr/lib/jvm, else the one on the PATH. */
    static String launcherJava() throws IOException {
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(home -> !home.isEmpty()).map(Path::of).ifPresent(homes::add);
        if (Files.isDirectory(Path.of("/usr/lib/jvm"))) {
            try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
                jdks.sorted().forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path release = home.resolve("release");
            if (Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(release)) {
                for (String line : Files.readAllLines(release)) {
                    if (line.startsWith("JAVA_VERSION=")) {
                        String major = line.substring("JAVA_VERSION=".length()).replace("\"", "").split("\\.")[0];
                        if (major.matches("\\d+") && Integer.parseInt(major) >= 19) {
                            return home.resolve("bin/java").toString();
                        }
                    }
                }
            }
        }
        return "java";
    }

    void memory(StubArchive archive) throws Exception {
        archive.latencyMillis = 0;
        long[] peaks = new long[2];
        int[] sizes = {2_000, 10_000};
        for (int i = 0; i < sizes.length; i++) {
            List<Long> rss = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Path dir = catalogue("memory" + sizes[i], sizes[i], archive, 8, 100_000);
                // one page in a thousand is 10 MB of <b>x</b>, some 300 MB as a whole document
                StringBuilder complex = new StringBuilder();
                for (int page = 0; page < sizes[i] / 1000; page++) {
                    complex.append("  - url: https://example.org").append(StubArchive.COMPLEX).append(page).append('\n');
                }
                Files.writeString(dir.resolve("config.yaml"), complex, StandardOpenOption.APPEND);
                Result result = snapcache(dir, List.of("-Xmx256m"), true, "run");
                checkAllFresh(dir, sizes[i] + sizes[i] / 1000);
                rss.add(result.peakKb());
            }
            Collections.sort(rss);
            peaks[i] = rss.get(rss.size() / 2);
        }
        double ratio = (double) peaks[1] / peaks[0];
        rows.add(new Row("peak RSS of a run, -Xmx256m, 10,000 resources and 10 pages of 10 MB of <b>x</b>", peaks[1] / 1024 + " MB",
                peaks[0] / 1024 + " MB (2,000 and 2)", ratio, "≤ 1.2", ratio <= 1.2));
    }

    // ---- 7: the wiki's catalogue ----

    /**
     * status and run --dry-run over {@code n} entries in ten resource files of the wiki's shape
     * (its own fields, long summaries on half of them, a few odd entries), with no cache yet: the
     * first command parses the files, the ones after read the catalogue snapshot. No bound: the
     * figures are the seconds an operator waits.
     */
    void wikiCatalogue(int n) throws Exception {
        Path dir = work.resolve("wiki" + n);
        deleteTree(dir);
        Files.createDirectories(dir.resolve("resources"));
        Files.writeString(dir.resolve("config.yaml"), "cache-dir: cache\nresource-files:\n  - resources/*.yaml\n");
        Files.createDirectories(dir.resolve("cache"));
        StringBuilder[] files = new StringBuilder[10];
        for (int f = 0; f < files.length; f++) {
            files[f] = new StringBuilder();
        }
        String review = "A review of the source, as the wiki's editors write them, a paragraph or two of prose that says"
                + " what the source argues and how far it can be trusted. ".repeat(4);
        for (int i = 0; i < n; i++) {
            StringBuilder yaml = files[i % files.length];
            String url = switch (i % 1000) {
                case 1 -> "https://scholar.google.com/scholar?q=\"topic+" + i + "\"+trends";
                case 2 -> "https://";
                case 3 -> "https://example.org/articles/" + (i - 3);
                case 4 -> "https://example.org/articles/" + (i - 4) + "#section";
                default -> "https://example.org/articles/" + i;
            };
            yaml.append("- id: ").append(ResourceId.forUrl(url)).append("\n  url: '").append(url).append("'\n  title: \"Article ")
                    .append(i).append(": a title of some length\"\n  type: web\n  publication_id: pub-").append(i % 300)
                    .append("\n  cited_by:\n    - page-").append(i % 2000).append("\n    - page-").append(i % 777)
                    .append("\n  tags:\n    - safety\n    - governance\n");
            if (i % 2 == 0) {
                yaml.append("  local_filename: ").append(ResourceId.forUrl(url)).append(".txt\n  summary: >-\n    ")
                        .append(review, 0, 160).append("\n  review: >-\n    ").append(review).append("\n  fetched_at: 2025-12-28 01:07:")
                        .append(String.format(Locale.ROOT, "%02d", i % 60)).append('\n');
            }
        }
        for (int f = 0; f < files.length; f++) {
            Files.writeString(dir.resolve("resources/part-" + f + ".yaml"), files[f]);
        }
        // a file changed less than two seconds ago is not vouched for by the snapshot
        Thread.sleep(2100);
        snapcache(dir, List.of(), "--version"); // the launcher's first start is not the catalogue's cost
        String label = String.format(Locale.ROOT, "%,d", n);
        long bytes = 0;
        for (int f = 0; f < files.length; f++) {
            bytes += Files.size(dir.resolve("resources/part-" + f + ".yaml"));
        }
        List<Double> parsed = new ArrayList<>();
        List<Double> status = new ArrayList<>();
        List<Double> dryRun = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Files.deleteIfExists(dir.resolve("cache/.catalogue-snapshot"));
            parsed.add(snapcache(dir, List.of(), "status").seconds());
            status.add(snapcache(dir, List.of(), "status").seconds());
            dryRun.add(snapcache(dir, List.of(), "run", "--dry-run").seconds());
        }
        String what = " a " + label + "-entry wiki catalogue (" + bytes / 1_000_000 + " MB of YAML)";
        rows.add(new Row("status over" + what + ", files parsed", seconds(median(parsed)), "", Double.NaN, "", true));
        rows.add(new Row("status over" + what + ", files unchanged", seconds(median(status)), "", Double.NaN, "", true));
        rows.add(new Row("run --dry-run over" + what + ", files unchanged", seconds(median(dryRun)), "", Double.NaN, "", true));
    }

    // ---- running snapcache ----

    record Result(double seconds, long peakKb, String out) {}

    /** A fresh folder with a config.yaml of {@code n} resources read through the stub archive, and no cache yet. */
    Path catalogue(String name, int n, StubArchive archive, int concurrency, int perMinute) throws IOException {
        Path dir = work.resolve(name);
        deleteTree(dir);
        Files.createDirectories(dir);
        StringBuilder config = new StringBuilder();
        config.append("cache-dir: cache\npreview-chars: 3000\narchive:\n  base-url: ").append(archive.base()).append('\n')
                .append("http:\n  concurrency: ").append(concurrency).append("\n  requests-per-minute: ").append(perMinute)
                .append("\n  retries: 0\nresources:\n");
        for (int i = 0; i < n; i++) {
            config.append("  - url: https://example.org/articles/").append(i).append('\n');
        }
        Files.writeString(dir.resolve("config.yaml"), config);
        return dir;
    }

    Result snapcache(Path dir, List<String> javaOptions, String... args) throws Exception {
        return snapcache(dir, javaOptions, false, args);
    }

    /** @param sampleMemory whether to watch the process's peak memory while it runs (which costs it some of a core) */
    Result snapcache(Path dir, List<String> javaOptions, boolean sampleMemory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("snapcache").toString(), "--config", "config.yaml"));
        command.addAll(Arrays.asList(args));
        if (args[0].startsWith("--v")) {
            command = new ArrayList<>(List.of(ROOT.resolve("snapcache").toString(), args[0]));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        // BENCH_SNAPCACHE_OPTS reaches every snapcache run, to profile one: -XX:StartFlightRecording=...
        builder.environment().put("SNAPCACHE_JAVA_OPTS", String.join(" ", javaOptions) + " "
                + Optional.ofNullable(System.getenv("BENCH_SNAPCACHE_OPTS")).orElse(""));
        return run(dir, builder, sampleMemory);
    }

    static Result timed(Path dir, List<String> command) throws Exception {
        return run(dir, new ProcessBuilder(command), false);
    }

    /**
     * Runs a process and times it; when asked, samples its peak resident memory (VmHWM) until it
     * exits. The launcher execs java, so the process is snapcache's JVM itself.
     */
    static Result run(Path dir, ProcessBuilder builder, boolean sampleMemory) throws Exception {
        Path out = Files.createTempFile("snapcache-bench", ".out");
        builder.directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(out.toFile()));
        long start = System.nanoTime();
        Process process = builder.start();
        long peak = 0;
        if (sampleMemory) {
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, peakKb(process.pid()));
            }
        } else {
            process.waitFor();
        }
        if (System.getenv("BENCH_VERBOSE") != null) {
            System.err.printf(Locale.ROOT, "%s: %.2f s, peak %d MB%n", String.join(" ", builder.command()),
                    (System.nanoTime() - start) / 1e9, peak / 1024);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = Files.readString(out);
        Files.delete(out);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " exited with " + process.exitValue() + ":\n"
                    + output);
        }
        return new Result(seconds, peak, output);
    }

    static long peakKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return 0; // gone already
        }
        return 0;
    }

    // ---- the stub archive ----

    /**
     * A Wayback-style archive on 127.0.0.1: a 302 to the capture, then the capture, each answer
     * after a set latency. Captures are real pages as raw mode gets them, one of a dozen by URL.
     */
    static final class StubArchive implements AutoCloseable {

        final HttpServer server;
        final ExecutorService executor = Executors.newFixedThreadPool(64);
        final List<byte[]> pages;
        volatile long latencyMillis;

        /** Where the archive has no capture until Save Page Now is asked for one (with these keys), 3 s later. */
        static final String NEVER_ARCHIVED = "/never-archived/";
        static final String ACCESS = "bench-access";
        static final String SECRET = "bench-secret";
        final Map<String, Long> jobs = new java.util.concurrent.ConcurrentHashMap<>();

        /** Where the archive answers with 10 MB of {@code <b>x</b>}, a page of 1.3 million elements. */
        static final String COMPLEX = "/complex/";
        static final byte[] COMPLEX_PAGE = ("<html><body>" + "<b>x</b>".repeat(1_300_000) + "</body></html>")
                .getBytes(StandardCharsets.US_ASCII);

        StubArchive(List<byte[]> pages) throws IOException {
            this.pages = pages;
            // without it the JDK's server waits on Nagle's algorithm and delayed ACKs: 40 ms a response
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            server.setExecutor(executor);
            server.createContext("/web/", this::handle);
            server.createContext("/save", this::save);
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/web/";
        }

        void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                if (latencyMillis > 0) {
                    Thread.sleep(latencyMillis);
                }
                String rest = exchange.getRequestURI().getRawPath().substring("/web/".length());
                int slash = rest.indexOf('/');
                String timestamp = rest.substring(0, slash).replace("id_", "");
                String original = rest.substring(slash + 1);
                if (!timestamp.equals(CAPTURE) && original.contains(NEVER_ARCHIVED)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (!timestamp.equals(CAPTURE)) {
                    exchange.getResponseHeaders().add("Location", "/web/" + CAPTURE + "id_/" + original);
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().add("Memento-Datetime", "Mon, 01 Jan 2024 00:00:00 GMT");
                byte[] page = original.contains(COMPLEX) ? COMPLEX_PAGE : pages.get(Math.floorMod(original.hashCode(), pages.size()));
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(page);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** SPN2: {@code POST /save} starts a job, {@code GET /save/status/<job>} is pending for 3 s, then a capture. */
        void save(HttpExchange exchange) throws IOException {
            try (exchange) {
                String answer;
                if (!("LOW " + ACCESS + ":" + SECRET).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/save") && exchange.getRequestMethod().equals("POST")) {
                    String job = "spn2-" + jobs.size() + "-" + System.nanoTime();
                    exchange.getRequestBody().readAllBytes();
                    jobs.put(job, System.nanoTime());
                    answer = "{\"url\": \"x\", \"job_id\": \"" + job + "\"}";
                } else if (path.startsWith("/save/status/") && jobs.containsKey(path.substring("/save/status/".length()))) {
                    long since = System.nanoTime() - jobs.get(path.substring("/save/status/".length()));
                    answer = since < 3_000_000_000L ? "{\"status\": \"pending\"}"
                            : "{\"status\": \"success\", \"timestamp\": \"" + CAPTURE + "\"}";
                } else {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(bytes);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ---- helpers ----

    /** The dozen real pages kept with the tests (src/test/resources/extraction). */
    static List<byte[]> pages() throws IOException {
        List<byte[]> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("src/test/resources/extraction"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html.gz")).sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    pages.add(in.readAllBytes());
                }
            }
        }
        return pages;
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PerfBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
