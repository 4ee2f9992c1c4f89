package org.snapcache.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.pipeline.Environment;
import org.snapcache.Fixtures;
import org.snapcache.cache.MetaJson;
import org.snapcache.config.ResourceId;

/** A night with a catalogue as the wiki writes it: extra fields, odd URLs, duplicates, broken entries. */
class RealCatalogueTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-04-09T12:00:00Z");
    static final String NOW_TS = "20260409120000";
    static final String NASA = "http://www.nasa.gov/";
    static final String SCHOLAR = "https://scholar.example/scholar?q=\"Epoch+AI\"+compute+trends";
    static final String SCHOLAR_SENT = "https://scholar.example/scholar?q=%22Epoch+AI%22+compute+trends";
    static final String EXCLUDED = "https://excluded.example/page";
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
                archive:
                  base-url: %s/web/
                http:
                  requests-per-minute: 1000
                  retries: 0
                resources:
                  - url: %s
                    title: NASA home page, 1996
                    stable-id: sid_nasa1996
                resource-files:
                  - resources/*.yaml
                """.formatted(archive.baseUrl(), NASA));
        Files.createDirectories(dir.resolve("resources"));
        Files.writeString(dir.resolve("resources/web-other.yaml"), """
                - id: %s
                  url: '%s'
                  title: Scholar search for compute trends
                  type: web
                  publication_id: google-scholar
                  cited_by:
                    - compute
                - url: https://
                  title: A link someone forgot to paste
                  stable_id: sid_Forgotten01
                - id: %s
                  url: '%s'
                  title: Scholar search for compute trends
                  type: web
                  tags: [listed-twice]
                - url: %s
                  title: An excluded page
                - url: %s
                  title: Never archived
                  stable_id: sid_Unarchived1
                """.formatted(ResourceId.forUrl(SCHOLAR), SCHOLAR, ResourceId.forUrl(SCHOLAR), SCHOLAR, EXCLUDED, UNARCHIVED));
        archive.stubFor(get("/web/" + NOW_TS + "id_/" + NASA).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/web/19961231235847id_/" + NASA)));
        archive.stubFor(get("/web/19961231235847id_/" + NASA).willReturn(Fixtures.recorded("ia-id-200-nasa-1996capture-2026fetch.html")));
        archive.stubFor(get("/web/" + NOW_TS + "id_/" + SCHOLAR_SENT).willReturn(aResponse().withStatus(200)
                .withHeader("Memento-Datetime", "Wed, 01 Jan 2020 00:00:00 GMT").withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>Epoch AI - Scholar</title></head><body><p>Compute trends across three eras of"
                        + " machine learning, a search result page with enough words to keep.</p></body></html>")));
        archive.stubFor(get("/web/" + NOW_TS + "id_/" + EXCLUDED).willReturn(Fixtures.excludedPage()));
        archive.stubFor(get("/web/" + NOW_TS + "id_/" + UNARCHIVED).willReturn(Fixtures.recorded("ia-wayback-404-not-archived.html")));
    }

    Cli.Result snapcache(Environment environment, String... args) {
        return Cli.run(config, environment, args);
    }

    Cli.Result snapcache(String... args) {
        return snapcache(Cli.at(NOW), args);
    }

    Path entry(String url) {
        return dir.resolve("cache").resolve(ResourceId.forUrl(url));
    }

    String resources() {
        return dir.resolve("resources/web-other.yaml").toString();
    }

    @Test
    void aBadEntryNeverBlocksTheNight() throws Exception {
        Cli.Result run = snapcache("run");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("run: 5 resources: refreshed 2 (2 new, 0 changed), failed 2, invalid 1, skipped 0 fresh"),
                run.out());
        assertTrue(run.err().contains("warning: " + resources() + ":11: resource " + SCHOLAR + ": listed again (as at "
                + resources() + ":1); fetched once\n"), run.err());
        assertTrue(run.err().contains("invalid " + resources() + ":8: resource https://: url: \"https://\" has no host\n"), run.err());
        JsonNode scholar = MetaJson.mapper().readTree(entry(SCHOLAR).resolve("meta.json").toFile());
        assertEquals(SCHOLAR, scholar.get("url").asText(), "meta.json keeps the URL as written");
        assertEquals(archive.baseUrl() + "/web/" + NOW_TS + "id_/" + SCHOLAR_SENT, scholar.get("archiveUrl").asText());
        assertEquals(1, archive.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/web/" + NOW_TS + "id_/" + SCHOLAR_SENT))).size(),
                "the entry listed twice is fetched once");
    }

    @Test
    void theArchivesOwnPageForAnExcludedUrlIsARecordedFailureNeverAPreview() throws Exception {
        snapcache("run");

        JsonNode excluded = MetaJson.mapper().readTree(entry(EXCLUDED).resolve("meta.json").toFile());
        assertTrue(excluded.get("lastError").asText().startsWith("excluded: "), excluded.toString());
        assertTrue(excluded.get("fetchedAt").isNull(), excluded.toString());
        assertFalse(Files.exists(entry(EXCLUDED).resolve("preview.txt")));
    }

    @Test
    void statusListsInvalidEntriesWithTheirLineAndCountsThemAsFailures() throws Exception {
        snapcache("run");

        Cli.Result status = snapcache("status");
        String invalidRow = status.out().lines().filter(line -> line.contains(" invalid ")).findFirst().orElseThrow();
        assertTrue(invalidRow.startsWith(ResourceId.forUrl("https://") + "  invalid "), invalidRow);
        assertTrue(invalidRow.endsWith(resources() + ":8: url: \"https://\" has no host"), invalidRow);
        assertTrue(status.out().contains(" 1 invalid"), status.out());
        assertEquals(1, snapcache("status", "--fail-on", "failed").exitCode());

        JsonNode rows = MetaJson.mapper().readTree(snapcache("status", "--json", "--only", "invalid").out());
        assertEquals(1, rows.size());
        assertEquals("invalid", rows.get(0).get("state").asText());
        assertEquals(resources() + ":8", rows.get(0).get("source").asText());
        assertEquals("url: \"https://\" has no host", rows.get(0).get("lastError").asText());
        assertEquals("A link someone forgot to paste", rows.get(0).get("title").asText());
        assertEquals("sid_Forgotten01", rows.get(0).get("stableId").asText());
        assertTrue(snapcache("status", "--csv").out().contains(",invalid,"));
    }

    @Test
    void statusGivesTheCataloguesTitleAndStableIdForEntriesNeverFetched() throws Exception {
        JsonNode rows = MetaJson.mapper().readTree(snapcache("status", "--json", "--only", "missing").out());
        JsonNode unarchived = null;
        for (JsonNode row : rows) {
            if (row.get("url").asText().equals(UNARCHIVED)) {
                unarchived = row;
            }
        }
        assertEquals("Never archived", unarchived.get("title").asText());
        assertEquals("sid_Unarchived1", unarchived.get("stableId").asText());
        assertTrue(snapcache("status").out().contains(UNARCHIVED + "  \"Never archived\" sid_Unarchived1"));
        assertTrue(snapcache("status", "--csv").out().contains(",Never archived,sid_Unarchived1,"));
        Path html = dir.resolve("status.html");
        snapcache("status", "--html", html.toString());
        assertTrue(Files.readString(html).contains("<td>Never archived</td><td>sid_Unarchived1</td>"));
    }

    @Test
    void aStableIdNamesAResourceWhereverAnIdOrUrlDoes() {
        Cli.Result refresh = snapcache("refresh", "sid_nasa1996");
        assertEquals(0, refresh.exitCode(), refresh.err());

        Cli.Result show = snapcache("show", "sid_nasa1996");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("Resource ID: " + ResourceId.forUrl(NASA)), show.out());

        Cli.Result invalid = snapcache("refresh", "sid_Forgotten01");
        assertEquals(2, invalid.exitCode());
        assertTrue(invalid.err().contains(":8: resource https://: url: \"https://\" has no host"), invalid.err());
    }

    @Test
    void aDryRunSaysWhatTheNightCostsAndWhatFitsTheBudget() throws Exception {
        Files.writeString(config, Files.readString(config).replace("requests-per-minute: 1000", "requests-per-minute: 2")
                .replace("    stable-id: sid_nasa1996\n", "    stable-id: sid_nasa1996\n    archived-at: \"19961231235847\"\n"));

        Cli.Result dryRun = snapcache("run", "--dry-run", "--time-budget", "2m");

        assertEquals(0, dryRun.exitCode(), dryRun.err());
        assertTrue(dryRun.out().contains("cannot fetch " + resources() + ":8: resource https://: url: \"https://\" has no host\n"));
        // NASA pinned to an exact capture: 1 request; three more at 2 each; at 2 a minute
        assertTrue(dryRun.out().endsWith("\nwould fetch 4 of 4: about 7 requests, about 3 min at 2 requests/minute;"
                + " 2 fit in the time budget of 2 min\n"), dryRun.out());
        assertTrue(archive.getAllServeEvents().isEmpty());
    }

    @Test
    void aMonitorAlertsOnlyOnWhatTheLastRunFoundNew() throws Exception {
        assertEquals(0, snapcache("status", "--fail-on", "new").exitCode(), "no run yet, nothing new");
        snapcache("run");

        Cli.Result first = snapcache("status", "--fail-on", "new");
        assertEquals(1, first.exitCode());
        assertTrue(first.err().contains("new: failure " + ResourceId.forUrl(UNARCHIVED) + " " + UNARCHIVED + ": not archived"), first.err());
        assertTrue(first.err().contains("new: invalid " + resources() + ":8: resource https://"), first.err());

        Environment nextNight = Cli.at(NOW.plus(Duration.ofDays(1)));
        snapcache(nextNight, "run", "--retry-failed");
        Cli.Result second = snapcache(nextNight, "status", "--fail-on", "new");
        assertEquals(0, second.exitCode(), "the same failures again are not news: " + second.err());
        assertEquals(1, snapcache(nextNight, "status", "--fail-on", "failed").exitCode(), "they are still failures");

        Files.writeString(dir.resolve("resources/web-other.yaml"), Files.readString(dir.resolve("resources/web-other.yaml"))
                + "- url: https://another.example/\n  archived-at: yesterday\n");
        Environment third = Cli.at(NOW.plus(Duration.ofDays(2)));
        snapcache(third, "run");
        Cli.Result news = snapcache(third, "status", "--fail-on", "new");
        assertEquals(1, news.exitCode());
        assertEquals(1, news.err().lines().filter(line -> line.startsWith("new: ")).count(), news.err());
        assertTrue(news.err().contains("new: invalid " + resources() + ":21: resource https://another.example/: archived-at:"), news.err());
    }

    @Test
    void anEmptyCatalogueNeverEmptiesTheCache() throws Exception {
        snapcache("run");
        Files.writeString(dir.resolve("resources/web-other.yaml"), "");

        Cli.Result emptyFile = snapcache("prune");
        assertEquals(2, emptyFile.exitCode());
        assertTrue(emptyFile.err().contains(resources() + ": holds no list of resources (the file is empty)"), emptyFile.err());

        Files.writeString(dir.resolve("resources/web-other.yaml"), "[]\n");
        Files.writeString(config, Files.readString(config).replaceFirst("(?s)resources:\n.*?resource-files:", "resource-files:"));
        for (String command : List.of("run", "prune")) {
            Cli.Result result = snapcache(command);
            assertEquals(2, result.exitCode(), command);
            assertTrue(result.err().contains("lists no resources"), result.err());
        }

        Files.writeString(dir.resolve("resources/web-other.yaml"), "- url: " + UNARCHIVED + "\n");
        Cli.Result refused = snapcache("prune");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("prune would remove 3 of the 4 entries, more than half"), refused.err());
        assertTrue(Files.exists(entry(NASA).resolve("meta.json")), "nothing removed");
        Cli.Result dryRun = snapcache("prune", "--dry-run");
        assertEquals(4, dryRun.out().lines().count(), dryRun.out());
        assertTrue(dryRun.out().contains("would remove " + ResourceId.forUrl(NASA) + " " + NASA), dryRun.out());
        Cli.Result forced = snapcache("prune", "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertFalse(Files.exists(entry(NASA)));
        assertTrue(Files.exists(entry(UNARCHIVED).resolve("meta.json")));
    }

    @Test
    void theFolderOfAnEntryMadeInvalidByAnEditIsNeitherOrphanedNorPruned() throws Exception {
        snapcache("run");
        String yaml = Files.readString(dir.resolve("resources/web-other.yaml"));
        Files.writeString(dir.resolve("resources/web-other.yaml"), yaml.replace("- url: " + EXCLUDED + "\n",
                "- url: " + EXCLUDED + "\n  archived-at: soon\n"));

        Cli.Result status = snapcache("status");
        assertFalse(status.out().contains(" orphaned  "), status.out());
        snapcache("prune", "--force");
        assertTrue(Files.exists(entry(EXCLUDED).resolve("meta.json")));
    }
}
