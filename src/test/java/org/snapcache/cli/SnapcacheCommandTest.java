package org.snapcache.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.pipeline.Environment;
import org.snapcache.Fixtures;
import org.snapcache.cache.CacheLock;
import org.snapcache.cache.MetaJson;
import org.snapcache.config.ResourceId;
import picocli.CommandLine;

class SnapcacheCommandTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-04-09T12:00:00Z");
    static final String NOW_TS = "20260409120000";
    static final String FAQS = "https://www.whitehouse.gov/ostp/about/student/faqs";
    static final String NASA = "http://www.nasa.gov/";
    static final String BIRDS = "https://www.fws.gov/birds/";
    static final String UNARCHIVED = "https://this-is-not-real-url.whatever/";

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void catalogue() throws Exception {
        config = dir.resolve("config.yaml");
        Files.writeString(config, """
                cache-dir: cache
                preview-chars: 300
                max-age: 30d
                archive:
                  base-url: %s/web/
                http:
                  requests-per-minute: 1000
                  retries: 2
                resources:
                  - url: %s
                    title: OSTP student FAQs
                  - url: %s
                    title: NASA home page, 1996
                    stable-id: sid_nasa1996
                  - url: %s
                  - url: %s
                """.formatted(archive.baseUrl(), FAQS, NASA, BIRDS, UNARCHIVED));
        String host = archive.baseUrl().replaceFirst("^http:", "");
        archive.stubFor(get("/web/" + NOW_TS + "id_/" + FAQS).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/web/20201027220743id_/" + FAQS)));
        archive.stubFor(get("/web/20201027220743id_/" + FAQS).willReturn(Fixtures.recorded("ia-id-404-whitehouse-faqs.html")));
        archive.stubFor(get("/web/" + NOW_TS + "id_/" + NASA).willReturn(aResponse().withStatus(302)
                .withHeader("Location", host + "/web/19961231235847id_/" + NASA)));
        archive.stubFor(get("/web/19961231235847id_/" + NASA).willReturn(Fixtures.recorded("ia-id-200-nasa-1996capture-2026fetch.html")));
        archive.stubFor(get("/web/" + NOW_TS + "id_/" + BIRDS).willReturn(aResponse().withStatus(302)
                .withHeader("Location", archive.baseUrl() + "/web/20171124151315id_/" + BIRDS)));
        archive.stubFor(get("/web/20171124151315id_/" + BIRDS).willReturn(Fixtures.recorded("ia-view-200-fws-birds.html")));
        archive.stubFor(get("/web/" + NOW_TS + "id_/" + UNARCHIVED).willReturn(Fixtures.recorded("ia-wayback-404-not-archived.html")));
    }

    Cli.Result snapcache(Environment environment, String... args) {
        return Cli.run(config, environment, args);
    }

    Cli.Result snapcache(String... args) {
        return snapcache(Cli.at(NOW), args);
    }

    JsonNode meta(String url) throws Exception {
        return MetaJson.mapper().readTree(dir.resolve("cache").resolve(ResourceId.forUrl(url)).resolve("meta.json").toFile());
    }

    String preview(String url) throws Exception {
        return Files.readString(dir.resolve("cache").resolve(ResourceId.forUrl(url)).resolve("preview.txt"));
    }

    @Test
    void runFillsTheCacheThroughRedirectsToTheNearestCapture() throws Exception {
        Cli.Result result = snapcache("run");

        assertEquals(1, result.exitCode(), "one resource is not archived: " + result.err());
        assertTrue(result.out().matches("run: 4 resources: refreshed 3 \\(3 new, 0 changed\\), failed 1, skipped 0 fresh, in [0-9.]+s\\n"),
                result.out());
        assertTrue(result.err().contains("failed  " + ResourceId.forUrl(UNARCHIVED) + " " + UNARCHIVED + ": not archived"), result.err());
        assertEquals(1, result.err().lines().count(), "without -v only failures get a line: " + result.err());

        JsonNode faqs = meta(FAQS);
        assertEquals(404, faqs.get("httpStatus").asInt(), "a captured 404 is stored as a 404");
        assertEquals("20201027220743", faqs.get("captureTimestamp").asText());
        assertEquals(archive.baseUrl() + "/web/20201027220743id_/" + FAQS, faqs.get("archiveUrl").asText());
        assertEquals("archive", faqs.get("source").asText());
        assertEquals("2026-04-09T12:00:00Z", faqs.get("fetchedAt").asText());
        assertEquals("text/html", faqs.get("contentType").asText());
        assertEquals("UTF-8", faqs.get("charset").asText());
        assertEquals("404 - Page Not Found | The White House", faqs.get("title").asText());
        assertTrue(faqs.get("lastError").isNull());
        assertTrue(preview(FAQS).startsWith("404 - Page Not Found\n\nThat page cannot be found"), preview(FAQS));

        JsonNode nasa = meta(NASA);
        assertEquals(200, nasa.get("httpStatus").asInt());
        assertEquals("19961231235847", nasa.get("captureTimestamp").asText());
        assertEquals("sid_nasa1996", nasa.get("stableId").asText());
        String nasaPreview = preview(NASA);
        assertEquals(nasaPreview.codePointCount(0, nasaPreview.length()), nasa.get("previewLength").asInt());
        assertTrue(nasa.get("previewLength").asInt() <= 300);
        assertTrue(nasa.get("contentLength").asInt() > nasa.get("previewLength").asInt());
        assertTrue(nasa.get("truncated").asBoolean());
        assertTrue(nasa.get("contentHash").asText().matches("sha256:[0-9a-f]{64}"));

        String birds = preview(BIRDS);
        for (String chrome : List.of("Wayback Machine", "wm-ipp", "__wm", "FILE ARCHIVED ON", "playback timings",
                "web.archive.org", "_static")) {
            assertFalse(birds.contains(chrome), "preview holds " + chrome);
            assertFalse(meta(BIRDS).get("title").asText().contains(chrome), "title holds " + chrome);
        }

        JsonNode unarchived = meta(UNARCHIVED);
        assertTrue(unarchived.get("fetchedAt").isNull());
        assertEquals("2026-04-09T12:00:00Z", unarchived.get("lastAttemptAt").asText());
        assertTrue(unarchived.get("lastError").asText().startsWith("not archived"));
        assertEquals(1, unarchived.get("consecutiveFailures").asInt());
        assertFalse(Files.exists(dir.resolve("cache").resolve(ResourceId.forUrl(UNARCHIVED)).resolve("preview.txt")));
    }

    @Test
    void requestLogRecordsEveryArchiveRequestAsItStarts() throws Exception {
        Path log = dir.resolve("requests.log");

        snapcache("run", "--request-log", log.toString());

        List<String> lines = Files.readAllLines(log);
        assertEquals(archive.getAllServeEvents().size(), lines.size(), "one line a request, redirects included: " + lines);
        double previous = -1;
        for (String line : lines) {
            String[] fields = line.split("\t");
            assertEquals("localhost", fields[1], line);
            double seconds = Double.parseDouble(fields[0]);
            assertTrue(seconds >= previous, "in the order they started: " + lines);
            previous = seconds;
        }
    }

    @Test
    void anUnwritableRequestLogIsAOneLineErrorNamingIt() {
        Cli.Result result = snapcache("run", "--request-log", dir.resolve("no/such/folder/requests.log").toString());

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("no/such/folder/requests.log"), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }

    @Test
    void secondRunSkipsFreshResourcesAndRetriesFailedOnes() throws Exception {
        snapcache("run");
        archive.resetRequests();

        Cli.Result again = snapcache(Cli.at(NOW.plus(Duration.ofDays(1))), "run");

        assertTrue(again.out().startsWith("run: 4 resources: refreshed 0 (0 new, 0 changed), failed 1, skipped 3 fresh"), again.out());
        assertEquals(1, archive.getAllServeEvents().size(), "only the failed resource is asked for again");
        assertEquals(2, meta(UNARCHIVED).get("consecutiveFailures").asInt());
    }

    @Test
    void failingResourcesWaitGrowingPausesUnlessRetryFailedIsGiven() throws Exception {
        snapcache("run");
        snapcache(Cli.at(NOW.plus(Duration.ofDays(1))), "run");
        assertEquals(2, meta(UNARCHIVED).get("consecutiveFailures").asInt());
        archive.resetRequests();

        Cli.Result waiting = snapcache(Cli.at(NOW.plus(Duration.ofDays(2))), "run");

        assertEquals(0, waiting.exitCode(), waiting.out());
        assertTrue(waiting.out().startsWith("run: 4 resources: refreshed 0 (0 new, 0 changed), failed 0, skipped 3 fresh and 1 waiting to retry"),
                waiting.out());
        assertEquals(0, archive.getAllServeEvents().size());
        JsonNode row = findRow(snapcache(Cli.at(NOW.plus(Duration.ofDays(2))), "status", "--json").out(), UNARCHIVED);
        assertEquals("2026-04-12T09:00:00Z", row.get("nextAttemptAt").asText(), "two days after the second failure, less 3 h");
        assertTrue(snapcache(Cli.at(NOW.plus(Duration.ofDays(2))), "status").out().contains("2026-04-12 09:00"));

        Cli.Result forced = snapcache(Cli.at(NOW.plus(Duration.ofDays(2))), "run", "--retry-failed");

        assertTrue(forced.out().startsWith("run: 4 resources: refreshed 0 (0 new, 0 changed), failed 1, skipped 3 fresh"), forced.out());
        assertEquals(3, meta(UNARCHIVED).get("consecutiveFailures").asInt());
    }

    @Test
    void corruptEntriesAreReportedWithTheirPathAndRefetchedByRun() throws Exception {
        snapcache("run");
        Path metaFile = dir.resolve("cache").resolve(ResourceId.forUrl(NASA)).resolve("meta.json");
        Files.writeString(metaFile, Files.readString(metaFile).substring(0, 50));

        Cli.Result status = snapcache("status");
        assertTrue(status.out().contains(ResourceId.forUrl(NASA) + "  corrupt"), status.out());
        assertTrue(status.out().contains(metaFile.toString()), status.out());

        Cli.Result run = snapcache("run");

        assertTrue(run.out().startsWith("run: 4 resources: refreshed 1 (1 new, 0 changed), failed 0, skipped 2 fresh and 1 waiting"),
                run.out());
        assertEquals(200, meta(NASA).get("httpStatus").asInt());
    }

    static JsonNode findRow(String json, String url) throws Exception {
        for (JsonNode row : MetaJson.mapper().readTree(json)) {
            if (row.get("url").asText().equals(url)) {
                return row;
            }
        }
        throw new AssertionError(url + " not in " + json);
    }

    @Test
    void staleResourcesAreRefetchedAndUnchangedTextCountsAsUnchanged() throws Exception {
        snapcache("run");

        Instant later = NOW.plus(Duration.ofDays(31));
        archive.stubFor(get(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
        String laterTs = "20260510120000";
        archive.stubFor(get("/web/" + laterTs + "id_/" + NASA).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/web/19961231235847id_/" + NASA)));
        Cli.Result result = snapcache(Cli.at(later), "refresh", NASA);

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("refresh: 1 resource: refreshed 1 (0 new, 0 changed)"), result.out());
        assertEquals("2026-05-10T12:00:00Z", meta(NASA).get("fetchedAt").asText());
    }

    @Test
    void failedRefreshKeepsTheOldPreviewByteForByte() throws Exception {
        snapcache("run");
        Path previewFile = dir.resolve("cache").resolve(ResourceId.forUrl(NASA)).resolve("preview.txt");
        byte[] before = Files.readAllBytes(previewFile);
        JsonNode metaBefore = meta(NASA);
        archive.stubFor(get("/web/20260409120100id_/" + NASA).willReturn(aResponse().withStatus(503)));

        Cli.Result result = snapcache(Cli.at(NOW.plusSeconds(60)), "refresh", ResourceId.forUrl(NASA));

        assertEquals(1, result.exitCode());
        assertArrayEquals(before, Files.readAllBytes(previewFile));
        JsonNode after = meta(NASA);
        assertEquals("archive answered 503 after 3 tries", after.get("lastError").asText());
        assertEquals("2026-04-09T12:01:00Z", after.get("lastAttemptAt").asText());
        assertEquals(1, after.get("consecutiveFailures").asInt());
        Map<String, JsonNode> unchanged = new TreeMap<>();
        metaBefore.fields().forEachRemaining(field -> unchanged.put(field.getKey(), field.getValue()));
        for (String attemptField : List.of("lastAttemptAt", "lastError", "consecutiveFailures")) {
            unchanged.remove(attemptField);
        }
        unchanged.forEach((key, value) -> assertEquals(value, after.get(key), key));
    }

    @Test
    void statusReportsEveryStateUnderAFixedClock() throws Exception {
        snapcache("run");
        Files.writeString(config, Files.readString(config) + "  - url: https://never.example/\n");
        Files.createDirectories(dir.resolve("cache/orphan01"));
        Files.writeString(dir.resolve("cache/orphan01/meta.json"), """
                {"schemaVersion": 1, "id": "orphan01", "url": "https://gone.example/", "consecutiveFailures": 0,
                 "fetchedAt": null, "lastAttemptAt": null}
                """);
        Files.createDirectories(dir.resolve("cache/broken01"));
        Files.writeString(dir.resolve("cache/broken01/meta.json"), "{\"schemaVersion\": 1, \"id\": ");

        Cli.Result result = snapcache("status", "--json");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("[\n  {\n    \"id\": ") && result.out().endsWith("  }\n]\n"), result.out());
        Map<String, String> states = new TreeMap<>();
        for (JsonNode row : MetaJson.mapper().readTree(result.out())) {
            states.put(row.get("url").asText().isEmpty() ? row.get("id").asText() : row.get("url").asText(), row.get("state").asText());
            for (String field : List.of("id", "url", "state", "fetchedAt", "httpStatus", "lastError")) {
                assertTrue(row.has(field), field + " in " + row);
            }
        }
        assertEquals(Map.of(FAQS, "fresh", NASA, "fresh", BIRDS, "fresh", UNARCHIVED, "failed",
                "https://never.example/", "missing", "https://gone.example/", "orphaned", "broken01", "corrupt"), states);

        Cli.Result later = snapcache(Cli.at(NOW.plus(Duration.ofDays(31))), "status");
        assertTrue(later.out().contains(ResourceId.forUrl(NASA) + "  stale"), later.out());
        assertTrue(later.out().contains("7 entries: 0 fresh, 3 stale, 1 failed, 1 missing, 1 orphaned, 1 corrupt"), later.out());
        assertTrue(later.out().contains("broken01"), later.out());
        assertTrue(later.out().contains("not archived"), later.out());
    }

    @Test
    void statusFailOnSetsTheExitCode() throws Exception {
        snapcache("run");

        assertEquals(1, snapcache("status", "--fail-on", "failed").exitCode());
        assertEquals(1, snapcache("status", "--fail-on", "stale").exitCode());
        Files.writeString(config, Files.readString(config).replace("  - url: " + UNARCHIVED + "\n", ""));
        assertEquals(0, snapcache("status", "--fail-on", "failed").exitCode());
        assertEquals(1, snapcache(Cli.at(NOW.plus(Duration.ofDays(31))), "status", "--fail-on", "stale").exitCode());
        assertEquals(0, snapcache("status", "--fail-on", "stale").exitCode());
    }

    @Test
    void showRendersThePreviewTheWayTheWikiDoes() throws Exception {
        snapcache("run");

        Cli.Result result = snapcache("show", NASA);

        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.out().split("\n");
        assertEquals("NASA home page, 1996", lines[0]);
        assertTrue(lines[1].matches("HTTP 200 · Fetched Apr 9, 2026 · \\d+ KB · capture 1996-12-31 23:58:47"), lines[1]);
        assertTrue(result.out().contains(preview(NASA) + "\n... (truncated, "), result.out());
        assertEquals("Resource ID: " + ResourceId.forUrl(NASA) + " | Stable ID: sid_nasa1996", lines[lines.length - 1]);
    }

    @Test
    void showJsonIsMetaJsonPlusThePreview() throws Exception {
        snapcache("run");

        JsonNode shown = MetaJson.mapper().readTree(snapcache("show", "--json", ResourceId.forUrl(FAQS)).out());

        assertEquals(404, shown.get("httpStatus").asInt());
        assertEquals(preview(FAQS), shown.get("preview").asText());
        assertEquals("20201027220743", shown.get("captureTimestamp").asText());
    }

    @Test
    void capturesListsTheArchivesCapturesForAnEditorToChooseFrom() throws Exception {
        archive.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/cdx/search/cdx"))
                .withQueryParam("url", com.github.tomakehurst.wiremock.client.WireMock.equalTo(FAQS))
                .withQueryParam("from", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2020"))
                .withQueryParam("limit", com.github.tomakehurst.wiremock.client.WireMock.equalTo("3"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        [["timestamp","original","mimetype","statuscode","length"],
                         ["20201026213635","%1$s","text/html","200","9120"],
                         ["20201027220743","%1$s","text/html","404","2811"],
                         ["20201028225518","%1$s","text/html","301","512"],
                         [],
                         ["gov,whitehouse)/ostp+20201028225518"]]
                        """.formatted(FAQS))));

        Cli.Result table = snapcache("captures", ResourceId.forUrl(FAQS), "--from", "2020", "--limit", "3");

        assertEquals(0, table.exitCode(), table.err());
        assertEquals(List.of(
                "TIMESTAMP       STATUS  TYPE                         LENGTH  ORIGINAL",
                "20201026213635     200  text/html                      9120  " + FAQS,
                "20201027220743     404  text/html                      2811  " + FAQS,
                "20201028225518     301  text/html                       512  " + FAQS,
                "3 captures of " + FAQS + " in " + archive.baseUrl() + "/web/"), table.out().lines().toList());

        JsonNode json = MetaJson.mapper().readTree(snapcache("captures", FAQS, "--from", "2020", "--limit", "3", "--json").out());
        assertEquals(3, json.size());
        assertEquals("404", json.get(1).get("status").asText());
        assertEquals(2, snapcache("captures", FAQS, "--from", "last week").exitCode());
    }

    @Test
    void refreshAtPinsTheCaptureForOneRefresh() throws Exception {
        Cli.Result result = snapcache("refresh", "--at", "20201027220743", FAQS);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("20201027220743", meta(FAQS).get("requestedTimestamp").asText());
        assertEquals(404, meta(FAQS).get("httpStatus").asInt(), "a pinned capture is kept as it is");
        assertEquals(2, snapcache("refresh", "--at", "2020-10-27", FAQS).exitCode());
    }

    @Test
    void changedTextIsDatedAndListedInTheSummary() throws Exception {
        snapcache("run");
        String changedAt = meta(NASA).get("changedAt").asText();
        assertEquals("2026-04-09T12:00:00Z", changedAt);
        Instant later = NOW.plus(Duration.ofDays(2));
        archive.stubFor(get("/web/20260411120000id_/" + NASA).willReturn(aResponse().withStatus(200)
                .withHeader("Memento-Datetime", "Fri, 10 Apr 2026 08:00:00 GMT").withHeader("Content-Type", "text/html")
                .withBody("<title>NASA</title><p>A new front page.</p>")));

        Cli.Result result = snapcache(Cli.at(later), "refresh", NASA);

        assertTrue(result.out().startsWith("refresh: 1 resource: refreshed 1 (0 new, 1 changed)"), result.out());
        assertTrue(result.out().contains("\n  changed " + ResourceId.forUrl(NASA) + " " + NASA + "\n"), result.out());
        assertEquals("2026-04-11T12:00:00Z", meta(NASA).get("changedAt").asText());

        snapcache(Cli.at(later.plus(Duration.ofDays(1))), "refresh", NASA);
        archive.stubFor(get("/web/20260412120000id_/" + NASA).willReturn(aResponse().withStatus(200)
                .withHeader("Memento-Datetime", "Fri, 10 Apr 2026 08:00:00 GMT").withHeader("Content-Type", "text/html")
                .withBody("<title>NASA</title><p>A new front page.</p>")));
        snapcache(Cli.at(later.plus(Duration.ofDays(1))), "refresh", NASA);
        assertEquals("2026-04-11T12:00:00Z", meta(NASA).get("changedAt").asText(), "the same text again is no change");
    }

    @Test
    void anImageIsRecordedWithItsTypeAndSizeButNoPreview() throws Exception {
        String image = "https://www.fws.gov/images/duck-stamp.png";
        Files.writeString(config, Files.readString(config) + "  - url: " + image + "\n");
        archive.stubFor(get("/web/" + NOW_TS + "id_/" + image).willReturn(aResponse().withStatus(200)
                .withHeader("Memento-Datetime", "Fri, 10 Apr 2026 08:00:00 GMT").withHeader("Content-Type", "image/png")
                .withBody(new byte[3000])));

        assertEquals(0, snapcache("refresh", image).exitCode());

        assertEquals("image/png", meta(image).get("contentType").asText());
        assertEquals(3000, meta(image).get("byteLength").asInt());
        assertEquals(0, meta(image).get("previewLength").asInt());
        String shown = snapcache("show", image).out();
        assertTrue(shown.contains("(no text preview: image/png, 3 KB)"), shown);
        assertTrue(snapcache("status").out().contains("fresh      200  2026-04-09     0s     3 KB"), snapcache("status").out());
    }

    @Test
    void unknownResourceExitsThree() {
        Cli.Result show = snapcache("show", "https://not-in-catalogue.example/");
        assertEquals(3, show.exitCode());
        assertEquals("snapcache: https://not-in-catalogue.example/: no such resource in the catalogue or the cache"
                + " (give an id or a URL exactly as listed)\n", show.err());
        assertEquals(3, snapcache("refresh", "deadbeefdeadbeef").exitCode());
        assertEquals(0, archive.getAllServeEvents().size());
    }

    @Test
    void heldLockExitsFour() throws Exception {
        try (CacheLock held = CacheLock.acquire(dir.resolve("cache"), NOW)) {
            Cli.Result result = snapcache("run");

            assertEquals(4, result.exitCode());
            assertTrue(result.err().startsWith("snapcache: another snapcache run holds "), result.err());
            assertEquals(1, result.err().lines().count());
        }
        assertEquals(0, archive.getAllServeEvents().size());
    }

    @Test
    void invalidConfigurationExitsTwoAndFetchesNothing() throws Exception {
        for (String bad : List.of("max-age: forever\n", "archive:\n  mode: turbo\n", "http:\n  concurrency: many\n",
                "resources:\n  - url: https://a.example/\n    colour: blue\n", "colour: blue\n", "resources: [unclosed\n")) {
            Files.writeString(config, bad);

            Cli.Result result = snapcache("run");

            assertEquals(2, result.exitCode(), bad);
            assertTrue(result.err().contains(config + ":"), result.err());
            assertTrue(result.err().endsWith("nothing was fetched\n"), result.err());
        }
        archive.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void mutatedConfigurationsExitTwoWithOneLineProblems() throws Exception {
        String valid = Files.readString(config);
        java.util.Random random = new java.util.Random(99);
        int invalid = 0;
        for (int round = 0; round < 150; round++) {
            StringBuilder yaml = new StringBuilder(valid);
            for (int m = 0; m < 3; m++) {
                int at = random.nextInt(yaml.length());
                yaml.replace(at, Math.min(yaml.length(), at + random.nextInt(6)),
                        List.of(":", "- ", "[", "\"", "\t", "x", "\n  ", "&", "!!", "0").get(random.nextInt(10)));
            }
            Files.writeString(config, yaml);

            Cli.Result result = snapcache("status");

            assertTrue(result.exitCode() == 0 || result.exitCode() == 2, result.exitCode() + ": " + result.err());
            if (result.exitCode() == 2) {
                invalid++;
                assertTrue(result.err().endsWith("nothing was fetched\n"), result.err());
                assertFalse(result.err().contains("Exception"), result.err());
            }
        }
        assertTrue(invalid > 100, invalid + " of 150 mutations were invalid");
        archive.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, snapcache("run", "--no-such-option").exitCode());
        assertEquals(2, snapcache("status", "--fail-on", "sometimes").exitCode());
        assertEquals(2, snapcache("frobnicate").exitCode());
        assertEquals(2, snapcache().exitCode());
    }

    @Test
    void versionAndHelpForEveryCommand() {
        Cli.Result version = Cli.run(Cli.at(NOW), "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("snapcache "), version.out());
        for (String command : List.of("run", "refresh", "status", "show", "captures")) {
            Cli.Result help = Cli.run(Cli.at(NOW), command, "--help");
            assertEquals(0, help.exitCode(), command);
            assertTrue(help.out().contains("Usage: snapcache " + command), help.out());
            assertTrue(help.out().contains("Example"), command + " help has an example");
        }
    }

    /** A tool a test drives: skipped without it on a developer's machine, a failure in CI, which must have it. */
    static void requireTool(String path, String what) {
        if (!Files.isExecutable(Path.of(path))) {
            assertTrue(System.getenv("CI") == null, "CI is missing " + path + ": " + what);
            Assumptions.abort(path + " is missing: " + what);
        }
    }

    static List<String> wouldFetch(Cli.Result dryRun) {
        return dryRun.out().lines().filter(line -> line.matches("would fetch [A-Za-z0-9_-]+ \\S+ \\(.*\\)")).map(line -> line.split(" ")[2])
                .toList();
    }

    static List<String> attempted(Cli.Result run) {
        return run.err().lines().filter(line -> line.matches("\\[\\d+/\\d+\\] (new|changed|same|failed) .*"))
                .map(line -> line.split(" +")[2]).sorted().toList();
    }

    @Test
    void aDryRunListsWhatARunThenFetchesWithWhyAndTouchesNothing() throws Exception {
        Cli.Result dryRun = snapcache("run", "--dry-run");

        assertEquals(0, dryRun.exitCode(), dryRun.err());
        assertTrue(dryRun.out().contains("would fetch " + ResourceId.forUrl(NASA) + " " + NASA + " (missing)"), dryRun.out());
        assertTrue(dryRun.out().contains("run --dry-run: 4 due of 4; 0 fresh, 0 waiting to retry\n"), dryRun.out());
        assertTrue(dryRun.out().endsWith("\nwould fetch 4 of 4: about 8 requests, about 1 s at 1,000 requests/minute\n"), dryRun.out());
        assertTrue(archive.getAllServeEvents().isEmpty(), "a dry run asks the archive nothing");
        assertFalse(Files.exists(dir.resolve("cache").resolve(ResourceId.forUrl(NASA))));

        Cli.Result run = snapcache("-v", "run");

        assertEquals(wouldFetch(dryRun).stream().sorted().toList(), attempted(run));
        assertTrue(run.err().lines().filter(line -> line.startsWith("[")).allMatch(line -> line.matches(".* \\(\\d+ ms\\)")),
                "-v gives each resource's line its time: " + run.err());
    }

    @Test
    void aLimitedRunFetchesTheOldestFirstAndLeavesTheRestForTheNext() throws Exception {
        Cli.Result first = snapcache("--verbose", "run", "--limit", "2");

        assertEquals(List.of(ResourceId.forUrl(FAQS), ResourceId.forUrl(NASA)).stream().sorted().toList(), attempted(first));
        assertTrue(first.out().contains("2 more due over --limit"), first.out());
        assertEquals(0, first.exitCode(), first.out() + first.err());

        // a month on, the two fetched are stale and older than nothing: the two never fetched go first
        Cli.Result dryRun = snapcache(Cli.at(NOW.plus(Duration.ofDays(40))), "run", "--dry-run", "--limit", "3");
        assertEquals(List.of(ResourceId.forUrl(BIRDS), ResourceId.forUrl(UNARCHIVED), ResourceId.forUrl(FAQS)), wouldFetch(dryRun));
        assertTrue(dryRun.out().contains("(stale: fetched 40 days ago)"), dryRun.out());
        assertTrue(dryRun.out().contains("1 more over --limit"), dryRun.out());
    }

    @Test
    void shardsSplitTheCatalogueWithNoOverlapAndNoGap() {
        List<String> one = wouldFetch(snapcache("run", "--dry-run", "--shard", "1/2"));
        List<String> two = wouldFetch(snapcache("run", "--dry-run", "--shard", "2/2"));

        Set<String> all = new HashSet<>(one);
        all.addAll(two);
        assertEquals(4, one.size() + two.size());
        assertEquals(4, all.size());
        Cli.Result bad = snapcache("run", "--shard", "3/2");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--shard: shard 3/2 does not exist"), bad.err());
    }

    @Test
    void aTimeBudgetStopsStartingFetchesAndSaysSo() throws Exception {
        Files.writeString(config, Files.readString(config).replace("  retries: 2\n", "  retries: 2\n  concurrency: 1\n"));
        archive.stubFor(get("/web/" + NOW_TS + "id_/" + FAQS).willReturn(aResponse().withStatus(302).withFixedDelay(2000)
                .withHeader("Location", "/web/20201027220743id_/" + FAQS)));

        Cli.Result run = snapcache("-v", "run", "--time-budget", "1s");

        assertEquals(List.of(ResourceId.forUrl(FAQS)), attempted(run), run.err());
        assertTrue(run.out().contains("left for the next run 3"), run.out());
        assertTrue(run.out().contains("stopped early: the time budget of 1s is used up"), run.out());
        Cli.Result bad = snapcache("run", "--time-budget", "soon");
        assertEquals(2, bad.exitCode());
    }

    @Test
    void statusPutsWhatIsWrongFirstFiltersByStateAndSumsUpTheAges() {
        snapcache("run");
        Environment later = Cli.at(NOW.plus(Duration.ofDays(31)));

        Cli.Result status = snapcache(later, "status");

        List<String> states = status.out().lines().skip(1).takeWhile(line -> !line.isEmpty()).map(line -> line.split(" +")[1]).toList();
        assertEquals(List.of("failed", "stale", "stale", "stale"), states, status.out());
        assertTrue(status.out().contains("preview age: oldest 31d, median 31d, 90th percentile 31d"), status.out());

        Cli.Result failed = snapcache(later, "status", "--only", "failed");
        assertEquals(2 + 3, failed.out().lines().count(), failed.out());
        assertTrue(failed.out().contains(ResourceId.forUrl(UNARCHIVED)), failed.out());

        Cli.Result csv = snapcache(later, "status", "--only", "stale,failed", "--csv");
        List<String> lines = csv.out().lines().toList();
        assertEquals("id,url,state,fetchedAt,httpStatus,lastError,lastAttemptAt,consecutiveFailures,nextAttemptAt,"
                + "captureTimestamp,contentLength,title,stableId,problem,source", lines.get(0));
        assertEquals(5, lines.size(), csv.out());
        assertTrue(lines.get(1).startsWith(ResourceId.forUrl(UNARCHIVED) + "," + UNARCHIVED + ",failed,"), lines.get(1));
        assertEquals(2, snapcache(later, "status", "--only", "broken").exitCode());
        assertEquals(2, snapcache(later, "status", "--csv", "--json").exitCode());
    }

    @Test
    void csvQuotesWhatWouldBreakAField() {
        assertEquals("plain", StatusCommand.csvField("plain"));
        assertEquals("\"a, b\"", StatusCommand.csvField("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", StatusCommand.csvField("say \"hi\""));
        assertEquals("", StatusCommand.csvField(null));
    }

    @Test
    void everyCommandsHelpHasAnExampleAndTheShellCompletionKnowsThemAll() {
        for (String command : List.of("run", "refresh", "status", "show", "captures", "prune", "verify")) {
            Cli.Result help = snapcache(command, "--help");
            assertEquals(0, help.exitCode(), command);
            assertTrue(help.out().contains("Example"), command + " --help:\n" + help.out());
        }
        Cli.Result completion = Cli.run(Cli.at(NOW), "generate-completion");
        assertEquals(0, completion.exitCode(), completion.err());
        assertTrue(completion.out().contains("complete -F _complete_snapcache"), completion.out());
        assertTrue(completion.out().contains("prune") && completion.out().contains("--time-budget"), completion.out());
    }

    /**
     * Runs snapcache's main class in a child JVM under {@code script}, which gives it a
     * pseudo-terminal, or with its output in a file.
     */
    String runInChild(boolean terminal, String... args) throws Exception {
        Path log = dir.resolve(terminal ? "tty.log" : "pipe.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.snapcache.Main", "--config", config.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = terminal
                ? new ProcessBuilder("script", "-q", "-e", "-c", command.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" ")), log.toString())
                : new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (terminal) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child run ends");
        return Files.readString(log) + "\n(exit " + process.exitValue() + ")";
    }

    @Test
    void aRunOnATerminalShowsAProgressLineAndWithoutOneDoesNot() throws Exception {
        requireTool("/usr/bin/script", "util-linux's script gives a pty");
        String onTerminal = runInChild(true, "run");
        // (the child reads the real clock, which the stub archive's captures do not match: what counts is the line)
        assertTrue(onTerminal.matches("(?s).*\\r\\u001b\\[Krun \\[#{24}\\] 4/4, [0-4] failed, [0-9.]+/s.*"), onTerminal);
        assertTrue(onTerminal.contains("\r\u001b[Krun: 4 resources:"), "the line is cleared for the summary: " + onTerminal);

        String quiet = runInChild(true, "run", "--quiet", "--retry-failed");
        assertFalse(quiet.contains("\u001b[K"), quiet);

        String piped = runInChild(false, "run", "--retry-failed");
        assertFalse(piped.contains("\r") || piped.contains("\u001b["), piped);
        assertTrue(piped.contains("failed  " + ResourceId.forUrl(UNARCHIVED)), piped);
    }

    /** The flags the environment notes give Debian's chromium to run headless on a closed network. */
    static List<String> chromium(Path profile, String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void statusHtmlIsOneSelfContainedPageThatABrowserShows() throws Exception {
        snapcache("run");
        Path page = dir.resolve("status.html");

        Cli.Result status = snapcache("status", "--html", page.toString());

        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().startsWith("wrote " + page + ": 4 entries: 3 fresh, 0 stale, 1 failed"), status.out());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!doctype html>") && html.contains("<svg") && html.contains("Failing (1)"), html);
        assertTrue(html.contains("not archived"), "the failing resource's error is on the page");
        for (String external : new String[] {"<script", "<link", " src=", "@import", "url("}) {
            assertFalse(html.contains(external), "nothing loaded from elsewhere: " + external);
        }
        assertEquals(2, snapcache("status", "--html", page.toString(), "--json").exitCode());

        // and a real browser renders it: its DOM and a screenshot, kept in target/ for a person to look at
        requireTool("/usr/bin/chromium", "Debian's chromium (.ci/run installs it)");
        Path screenshot = Path.of("target", "status-report.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Process shot = new ProcessBuilder(chromium(dir.resolve("profile1"), "--window-size=1200,1000",
                "--screenshot=" + screenshot, page.toUri().toString())).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(shot.waitFor(120, TimeUnit.SECONDS), "chromium ends");
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page: " + Files.readString(dir.resolve("chromium.log")));
        Process dom = new ProcessBuilder(chromium(dir.resolve("profile2"), "--dump-dom", page.toUri().toString()))
                .redirectOutput(dir.resolve("dom.html").toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(dom.waitFor(120, TimeUnit.SECONDS), "chromium ends");
        String rendered = Files.readString(dir.resolve("dom.html"));
        assertTrue(rendered.contains("<table id=\"entries\">") && rendered.contains("3 fresh, 0 stale, 1 failed"), rendered);
        assertEquals(7, rendered.split("<tr>", -1).length - 1, "the failing table's header and row, the table's header and four entries");
    }

    @Test
    void theHtmlReportEscapesWhatPagesAndErrorsSay() throws Exception {
        snapcache("run");
        Path meta = dir.resolve("cache").resolve(ResourceId.forUrl(NASA)).resolve("meta.json");
        Files.writeString(meta, Files.readString(meta).replaceFirst("\"title\": \"[^\"]*\"",
                "\"title\": \"<script>alert(\\\\\"x\\\\\" & 'y')</script>\""));
        Path page = dir.resolve("status.html");

        snapcache("status", "--html", page.toString());

        String html = Files.readString(page);
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert(\"x\" &amp; 'y')&lt;/script&gt;"), html);
    }
}
