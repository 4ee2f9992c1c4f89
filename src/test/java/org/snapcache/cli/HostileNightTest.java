package org.snapcache.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import java.io.File;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.Fixtures;
import org.snapcache.cache.MetaJson;
import org.snapcache.config.ResourceId;

/**
 * What a careless or hostile user, page or archive did to snapcache, and what it must do instead:
 * no single page, file or link stops a night, loses cached data or writes outside the cache.
 */
class HostileNightTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String FAQS = "https://www.whitehouse.gov/ostp/about/student/faqs";

    static final Instant NOW = Instant.parse("2026-04-09T12:00:00Z");

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void archiveAnswers() {
        archive.stubFor(get(anyCapture(FAQS)).willReturn(Fixtures.recorded("ia-id-404-whitehouse-faqs.html")));
    }

    /** Any capture of {@code url}: a child JVM asks on today's date. */
    static UrlPattern anyCapture(String url) {
        return urlMatching("/web/[0-9]{14}id_/" + Pattern.quote(url));
    }

    /** A catalogue of {@code urls}, each answered by the archive at once, with {@code settings} added under http. */
    void catalogue(String http, String... urls) throws Exception {
        StringBuilder yaml = new StringBuilder("""
                cache-dir: cache
                max-age: 30d
                archive:
                  base-url: %s/web/
                http:
                  requests-per-minute: 6000
                  retries: 0
                """.formatted(archive.baseUrl()));
        http.lines().forEach(line -> yaml.append("  ").append(line).append('\n'));
        yaml.append("resources:\n");
        for (String url : urls) {
            yaml.append("  - url: ").append(url).append('\n');
        }
        config = Files.writeString(dir.resolve("config.yaml"), yaml);
    }

    JsonNode meta(String url) throws Exception {
        return MetaJson.mapper().readTree(dir.resolve("cache").resolve(ResourceId.forUrl(url)).resolve("meta.json").toFile());
    }

    /** snapcache's main class in a JVM of its own, with {@code jvmOptions}; its output, then its exit code. */
    String[] runInChild(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.snapcache.Main", "--config", config.toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve("child.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child run ends");
        return new String[] {Files.readString(log), String.valueOf(process.exitValue())};
    }

    @Test
    void pagesTooComplexToReadWholeAreReadInPartAndTheNightEndsWithItsSummary() throws Exception {
        // 10 MB of <b>x</b>: 1.3 million elements, some 300 MB as a document
        byte[] page = ("<html><body>" + "<b>x</b>".repeat(1_300_000) + "</body></html>").getBytes(StandardCharsets.US_ASCII);
        List<String> urls = new ArrayList<>();
        for (String name : List.of("one", "two")) {
            String url = "https://bold.example/" + name;
            urls.add(url);
            archive.stubFor(get(anyCapture(url)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/html").withHeader("Memento-Datetime", "Thu, 09 Apr 2026 11:00:00 GMT")
                    .withBody(page)));
        }
        urls.add(FAQS);
        catalogue("concurrency: 4\nmax-body: 20MB", urls.toArray(String[]::new));

        String[] run = runInChild(List.of("-Xmx256m"), "run");

        assertTrue(run[0].contains("run: 3 resources: refreshed 3"), run[0]);
        for (String url : urls.subList(0, 2)) {
            JsonNode meta = meta(url);
            assertEquals(200, meta.path("httpStatus").asInt(), meta.toString());
            assertTrue(meta.path("textWarning").asText().startsWith("read the first 100,000 elements of the page"), meta.toString());
        }
        assertTrue(Files.exists(dir.resolve("cache").resolve(ResourceId.forUrl(FAQS)).resolve("meta.json")), run[0]);
    }

    static final String ARTICLE = "https://plain.example/article";

    /** A catalogue of one article the archive has, already fetched once. */
    Path fetchedArticle() throws Exception {
        archive.stubFor(get(anyCapture(ARTICLE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withHeader("Memento-Datetime", "Thu, 09 Apr 2026 11:00:00 GMT")
                .withBody("<html><head><title>An article</title></head><body><article><p>" + "Words of the article. ".repeat(40)
                        + "</p></article></body></html>")));
        catalogue("", ARTICLE, FAQS);
        Cli.Result first = Cli.run(config, Cli.at(NOW), "run");
        Path entry = dir.resolve("cache").resolve(ResourceId.forUrl(ARTICLE));
        assertTrue(Files.exists(entry.resolve("preview.txt")), first.out() + first.err());
        return entry;
    }

    @Test
    void aHugeCacheFileIsACorruptEntryNotReadWhole() throws Exception {
        Path entry = fetchedArticle();
        for (String name : List.of("preview.txt", "meta.json")) {
            Path file = entry.resolve(name);
            byte[] before = Files.readAllBytes(file);
            try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(3L << 30);
            }

            Cli.Result show = Cli.run(config, Cli.at(NOW), "show", ARTICLE);
            assertEquals(1, show.exitCode(), show.err());
            assertTrue(show.err().contains("corrupt cache entry " + file) && show.err().contains("3,221,225,472 bytes"), show.err());
            Cli.Result verify = Cli.run(config, Cli.at(NOW), "verify");
            assertEquals(1, verify.exitCode());
            assertTrue(verify.out().contains(file + ": holds 3,221,225,472 bytes"), verify.out());
            Cli.Result status = Cli.run(config, Cli.at(NOW), "status");
            assertTrue(status.out().contains("corrupt"), status.out());

            Cli.Result run = Cli.run(config, Cli.at(NOW), "run");
            assertTrue(run.out().contains("refreshed 1"), run.out() + run.err());
            assertEquals(before.length, Files.size(file), "the corrupt entry was fetched again");
        }
    }

    @Test
    void aLockFileThatIsALinkIsReplacedNeverWrittenThrough() throws Exception {
        catalogue("", FAQS);
        Files.createDirectories(dir.resolve("cache"));
        Path outside = Files.writeString(dir.resolve("precious.txt"), "a user's file");
        Files.createSymbolicLink(dir.resolve("cache/.lock"), outside);

        Cli.Result run = Cli.run(config, Cli.at(NOW), "run");

        assertEquals("a user's file", Files.readString(outside));
        assertTrue(run.out().contains("run: 1 resource"), run.out() + run.err());
        assertFalse(Files.isSymbolicLink(dir.resolve("cache/.lock")));
    }

    @Test
    void aStrayFolderInAnEntryStopsNoWriter() throws Exception {
        Path entry = fetchedArticle();
        Files.writeString(Files.createDirectories(entry.resolve(".tmp-userdir")).resolve("notes.txt"), "kept by hand");
        Cli.Result refresh = Cli.run(config, Cli.at(NOW), "refresh", ARTICLE);
        assertEquals(0, refresh.exitCode(), refresh.err());

        Files.writeString(Files.createDirectories(entry.resolve(".tmp-userdir")).resolve("notes.txt"), "kept by hand");
        Cli.Result run = Cli.run(config, Cli.at(NOW.plusSeconds(40 * 86_400)), "run");
        assertTrue(run.out().contains("refreshed 2") && run.out().contains("failed 0"), run.out() + run.err());
    }

    @Test
    void verifyTellsAnEmptyFolderFromOneOfOtherFiles() throws Exception {
        catalogue("", FAQS);
        Path junk = Files.createDirectories(dir.resolve("cache").resolve(ResourceId.forUrl("https://junk.example/")));
        Files.createDirectories(dir.resolve("cache").resolve(ResourceId.forUrl("https://empty.example/")));
        Files.writeString(junk.resolve("download.part"), "x");

        String out = Cli.run(config, Cli.at(NOW), "verify").out();

        assertTrue(out.contains(junk + ": no meta.json; a folder of 1 other file: download.part"), out);
        assertTrue(out.contains(": no meta.json; an empty folder"), out);
    }

    /** What no human-readable output may hold raw: ESC, another C0 or a C1 control, a bidi override or isolate. */
    static void assertNeutral(String output) {
        assertTrue(output.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069), output);
    }

    @Test
    void whatPagesAndArchivesSayCannotSteerTheTerminal() throws Exception {
        String hostile = "https://hostile.example/";
        archive.stubFor(get(anyCapture(hostile)).willReturn(aResponse().withStatus(403)
                .withHeader("X-Archive-Wayback-Runtime-Error", "\u001b[31mRED\u001b[0m and \u009b2J")));
        Path entry = fetchedArticle();
        catalogue("", ARTICLE, hostile);
        JsonNode edited = meta(ARTICLE);
        ((com.fasterxml.jackson.databind.node.ObjectNode) edited).put("title", "evil\u202Etxt.exe \u2066isolated\u2069 \u001b]0;owned\u0007");
        Files.writeString(entry.resolve("meta.json"), MetaJson.write(edited));

        Cli.Result run = Cli.run(config, Cli.at(NOW), "run");
        assertTrue(meta(hostile).path("lastError").asText().contains("\u001b[31mRED"), "kept as the archive said it");
        assertNeutral(run.out() + run.err());
        assertTrue(run.err().contains("\\u001B[31mRED"), run.err());

        for (String[] command : List.of(new String[] {"status"}, new String[] {"status", "--json"}, new String[] {"status", "--csv"},
                new String[] {"show", ARTICLE}, new String[] {"show", ARTICLE, "--json"}, new String[] {"show", hostile})) {
            Cli.Result result = Cli.run(config, Cli.at(NOW), command);
            assertNeutral(result.out() + result.err());
        }
        assertTrue(Cli.run(config, Cli.at(NOW), "show", ARTICLE).out().contains("evil\\u202Etxt.exe"));
        JsonNode json = MetaJson.mapper().readTree(Cli.run(config, Cli.at(NOW), "show", ARTICLE, "--json").out());
        assertEquals(edited.path("title").asText(), json.path("title").asText(), "JSON escapes, and reads back as it was");

        Path html = dir.resolve("status.html");
        Cli.run(config, Cli.at(NOW), "status", "--html", html.toString());
        assertNeutral(Files.readString(html));
    }

    @Test
    void anUnusableConfigurationOrCacheFolderIsAOneLineUsageError() throws Exception {
        catalogue("", FAQS);
        for (String[] bad : List.of(new String[] {"/dev/zero", "/dev/zero: not a regular file"},
                new String[] {dir.toString(), dir + ": a folder, not a configuration file"})) {
            Cli.Result result = Cli.run(Path.of(bad[0]), Cli.at(NOW), "status");
            assertEquals(2, result.exitCode(), result.err());
            assertTrue(result.err().startsWith(bad[1]), result.err());
            assertEquals(2, result.err().lines().count(), "the problem and what came of it: " + result.err());
        }

        Files.writeString(dir.resolve("cache"), "a file where the cache should be");
        for (String command : List.of("run", "status")) {
            Cli.Result result = Cli.run(config, Cli.at(NOW), command);
            assertEquals(2, result.exitCode(), result.err());
            assertTrue(result.err().startsWith(config + ": cache-dir " + dir.resolve("cache") + " is a file, not a folder"), result.err());
        }

        // a folder no one may write in, root included
        Files.writeString(config, Files.readString(config).replace("cache-dir: cache", "cache-dir: /sys"));
        Cli.Result readOnly = Cli.run(config, Cli.at(NOW), "run");
        assertEquals(2, readOnly.exitCode(), readOnly.err());
        assertTrue(readOnly.err().startsWith("cache-dir /sys: cannot be written"), readOnly.err());
    }

    @Test
    void anEndlessUrlIsRefusedBeforeItCostsMinutes() throws Exception {
        String endless = "https://long.example/" + "a".repeat(3_000_000);
        Files.writeString(dir.resolve("resources.json"), "[{\"url\": \"" + endless + "\"}, {\"url\": \"" + FAQS + "\"}]");
        Files.writeString(dir.resolve("resources.yaml"), "- url: " + endless + "\n");
        catalogue("", FAQS);
        Files.writeString(config, Files.readString(config).replace("resources:\n", "resource-files:\n  - resources.json\nresources:\n"));

        Cli.Result json = Cli.run(config, Cli.at(NOW), "status");
        assertTrue(json.out().contains("invalid"), json.out() + json.err());
        assertTrue(json.out().length() < 10_000, "the URL is not printed whole");
        assertTrue(Cli.run(config, Cli.at(NOW), "status", "--json").out().contains("a URL of 3,000,021 characters, more than snapcache fetches"));

        Files.writeString(config, Files.readString(config).replace("resources.json", "resources.yaml"));
        Cli.Result yaml = Cli.run(config, Cli.at(NOW), "status");
        assertEquals(2, yaml.exitCode());
        assertTrue(yaml.err().startsWith(dir.resolve("resources.yaml") + ":1: a line of more than 262,144 characters"), yaml.err());
    }

    @Test
    void aResourcePutOffRunAfterRunIsRecordedAsFailed() throws Exception {
        List<String> urls = new ArrayList<>();
        for (char c = 'a'; c <= 'm'; c++) {
            urls.add("https://" + c + ".example/");
        }
        catalogue("concurrency: 1", urls.toArray(String[]::new));
        Files.writeString(config, Files.readString(config).replace(archive.baseUrl() + "/web/", "http://127.0.0.1:1/web/"));

        for (int night = 0; night < 2; night++) {
            Cli.Result run = Cli.run(config, Cli.at(NOW.plusSeconds(night * 86_400L)), "run");
            assertTrue(run.out().contains("failed 5") && run.out().contains("left for the next run 8"), run.out() + run.err());
        }
        assertFalse(Files.exists(dir.resolve("cache").resolve(ResourceId.forUrl(urls.get(12))).resolve("meta.json")));

        Cli.Result third = Cli.run(config, Cli.at(NOW.plusSeconds(2 * 86_400L)), "run");

        // the first five wait for their retry; five more fail and stop the run; the last three, put off a third time, fail too
        assertTrue(third.out().contains("failed 8,") && !third.out().contains("left for the next run"), third.out() + third.err());
        JsonNode meta = meta(urls.get(12));
        assertTrue(meta.path("lastError").asText().startsWith("left for the next run 3 runs in a row, last: "), meta.toString());
        assertEquals(1, meta.path("consecutiveFailures").asInt());
    }

    @Test
    void aFetchDateInTheFutureIsStaleAndSaysWhy() throws Exception {
        Path entry = fetchedArticle();
        JsonNode edited = meta(ARTICLE);
        ((com.fasterxml.jackson.databind.node.ObjectNode) edited).put("fetchedAt", "2036-01-01T00:00:00Z");
        Files.writeString(entry.resolve("meta.json"), MetaJson.write(edited));

        Cli.Result status = Cli.run(config, Cli.at(NOW), "status", "--only", "stale");
        assertTrue(status.out().contains("stale") && status.out().contains("fetchedAt 2036-01-01T00:00:00Z is in the future"),
                status.out());
        Cli.Result plan = Cli.run(config, Cli.at(NOW), "run", "--dry-run");
        assertTrue(plan.out().contains("stale: fetchedAt 2036-01-01T00:00:00Z is in the future"), plan.out());
        Cli.Result run = Cli.run(config, Cli.at(NOW), "run");
        assertTrue(meta(ARTICLE).path("fetchedAt").asText().startsWith("2026-04-09"), run.out() + run.err());
    }
}
