package org.snapcache.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.Fixtures;
import org.snapcache.cache.MetaJson;
import org.snapcache.config.ResourceId;
import org.snapcache.config.SaveSettings;
import org.snapcache.pipeline.Environment;

/**
 * {@code archive.save-missing} against a stub that behaves like the Wayback Machine's Save Page
 * Now (SPN2): it wants the keys, answers a job id, reports the job pending and then a success
 * or an error, and asks to wait past its session limit.
 */
class SavePageNowTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-04-09T12:00:00Z");
    static final String ACCESS = "AKfixture0access";
    static final String SECRET = "SKfixture0secret";
    static final String AUTHORIZATION = "LOW " + ACCESS + ":" + SECRET;

    static final String NEW = "https://blog.example/2026/04/a-new-post";
    static final String GONE = "https://gone.example/page";
    static final String SLOW = "https://slow.example/report.html";
    static final String ARCHIVED = "https://www.fws.gov/birds/";

    @TempDir
    Path dir;

    Environment keys() {
        return Cli.at(NOW).withVariables(Map.of(SaveSettings.ACCESS_KEY, ACCESS, SaveSettings.SECRET_KEY, SECRET));
    }

    @BeforeEach
    void archiveAnswers() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), """
                cache-dir: cache
                archive:
                  base-url: %s/web/
                  save-missing: true
                  saves-per-minute: 60
                  save-wait: 1s
                http:
                  requests-per-minute: 1000
                resources:
                  - url: %s
                  - url: %s
                  - url: %s
                  - url: %s
                """.formatted(archive.baseUrl(), NEW, GONE, SLOW, ARCHIVED));
        for (String url : new String[] {NEW, GONE, SLOW}) {
            archive.stubFor(get("/web/20260409120000id_/" + url).willReturn(Fixtures.recorded("ia-wayback-404-not-archived.html")));
        }
        archive.stubFor(get("/web/20260409120000id_/" + ARCHIVED).willReturn(aResponse().withStatus(302)
                .withHeader("Location", archive.baseUrl() + "/web/20171124151315id_/" + ARCHIVED)));
        archive.stubFor(get("/web/20171124151315id_/" + ARCHIVED).willReturn(Fixtures.recorded("ia-view-200-fws-birds.html")));
        // the page once saved, as the archive then serves it
        archive.stubFor(get("/web/20260409120105id_/" + NEW).willReturn(Fixtures.recorded("ia-view-200-fws-birds.html")));

        // without the keys: refused
        archive.stubFor(post("/save").atPriority(9).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"You need to be logged in to use Save Page Now.\"}")));
        savesAs(NEW, "spn2-aaa");
        // GONE: the session limit first, as when too many captures run at once
        archive.stubFor(post("/save").atPriority(1).withHeader("Authorization", equalTo(AUTHORIZATION))
                .withFormParam("url", equalTo(GONE)).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"status\": \"error\", \"status_ext\": \"error:user-session-limit\","
                        + " \"message\": \"You have already reached the limit of active sessions.\"}"))
                .willSetStateTo("waited"));
        archive.stubFor(post("/save").atPriority(1).withHeader("Authorization", equalTo(AUTHORIZATION))
                .withFormParam("url", equalTo(GONE)).inScenario("limit").whenScenarioStateIs("waited")
                .willReturn(okJson("{\"url\": \"" + GONE + "\", \"job_id\": \"spn2-bbb\"}")));
        // SLOW: a 429 first, past the archive's limit, which the run waits out and asks again
        archive.stubFor(post("/save").atPriority(1).withHeader("Authorization", equalTo(AUTHORIZATION))
                .withFormParam("url", equalTo(SLOW)).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("waited"));
        archive.stubFor(post("/save").atPriority(1).withHeader("Authorization", equalTo(AUTHORIZATION))
                .withFormParam("url", equalTo(SLOW)).inScenario("429").whenScenarioStateIs("waited")
                .willReturn(okJson("{\"url\": \"" + SLOW + "\", \"job_id\": \"spn2-ccc\"}")));

        archive.stubFor(get("/save/status/spn2-aaa").inScenario("aaa").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"status\": \"pending\", \"job_id\": \"spn2-aaa\"}")).willSetStateTo("done"));
        archive.stubFor(get("/save/status/spn2-aaa").inScenario("aaa").whenScenarioStateIs("done")
                .willReturn(okJson("{\"status\": \"success\", \"job_id\": \"spn2-aaa\", \"timestamp\": \"20260409120105\","
                        + " \"original_url\": \"" + NEW + "\"}")));
        archive.stubFor(get("/save/status/spn2-bbb").willReturn(okJson("{\"status\": \"error\", \"status_ext\": \"error:not-found\","
                + " \"message\": \"Server returned 404 Not Found.\", \"job_id\": \"spn2-bbb\"}")));
        archive.stubFor(get("/save/status/spn2-ccc").willReturn(okJson("{\"status\": \"pending\", \"job_id\": \"spn2-ccc\"}")));
    }

    void savesAs(String url, String job) {
        archive.stubFor(post("/save").atPriority(1).withHeader("Authorization", equalTo(AUTHORIZATION))
                .withHeader("Accept", equalTo("application/json")).withFormParam("url", equalTo(url))
                .willReturn(okJson("{\"url\": \"" + url + "\", \"job_id\": \"" + job + "\"}")));
    }

    JsonNode meta(String url) throws Exception {
        return MetaJson.mapper().readTree(dir.resolve("cache").resolve(ResourceId.forUrl(url)).resolve("meta.json").toFile());
    }

    int saves(String url) {
        return archive.countRequestsMatching(postRequestedFor(urlEqualTo("/save")).withFormParam("url", equalTo(url)).build()).getCount();
    }

    @Test
    void aMissingCaptureIsSavedAndReadTheSameNightAndAPendingOneTheNext() throws Exception {
        Path config = dir.resolve("config.yaml");
        Path requestLog = dir.resolve("requests.log");

        Cli.Result night = Cli.run(config, keys(), "-v", "run", "--request-log", requestLog.toString());

        assertEquals(1, night.exitCode(), night.out() + night.err());
        assertTrue(night.out().contains("run: saves (Save Page Now): 3 asked for, 1 captured, 1 failed, 1 pending (checked by the next run)"),
                night.out());
        JsonNode saved = meta(NEW);
        assertTrue(saved.path("fetchedAt").isTextual(), saved.toString());
        assertTrue(saved.path("captureNote").asText().startsWith("captured at snapcache's request (Save Page Now job spn2-aaa"), saved.toString());
        assertTrue(Files.exists(dir.resolve("cache").resolve(ResourceId.forUrl(NEW)).resolve("preview.txt")));
        JsonNode gone = meta(GONE);
        assertEquals("save failed: error:not-found Server returned 404 Not Found.", gone.path("lastError").asText());
        assertTrue(gone.path("saveJob").isNull());
        assertEquals(NOW.toString(), gone.path("saveRequestedAt").asText());
        assertEquals(2, saves(GONE), "asked again after the session limit");
        JsonNode slow = meta(SLOW);
        assertEquals("spn2-ccc", slow.path("saveJob").asText());
        assertTrue(slow.path("lastError").asText().contains("save pending: Save Page Now job spn2-ccc"), slow.toString());
        assertEquals(0, saves(ARCHIVED), "a resource with a capture is never saved");

        Cli.Result status = Cli.run(config, keys(), "status", "--json");
        JsonNode rows = MetaJson.mapper().readTree(status.out());
        JsonNode slowRow = java.util.stream.StreamSupport.stream((rows.isArray() ? rows : rows.path("resources")).spliterator(), false)
                .filter(row -> row.path("url").asText().equals(SLOW)).findFirst().orElseThrow();
        assertEquals("spn2-ccc", slowRow.path("saveJob").asText(), status.out());
        assertTrue(Cli.run(config, keys(), "status").out().contains("save pending: Save Page Now job spn2-ccc"));

        Cli.Result dryRun = Cli.run(config, keys(), "run", "--dry-run");
        assertTrue(dryRun.out().contains("would check save " + ResourceId.forUrl(SLOW) + " " + SLOW + " (Save Page Now job spn2-ccc"),
                dryRun.out());
        assertTrue(dryRun.out().contains("would ask the archive to save 0 resources if still not archived"), dryRun.out());

        // by hand, within GONE's retry pause: not asked again
        Cli.Result byHand = Cli.run(config, keys(), "refresh", GONE);
        assertEquals(1, byHand.exitCode());
        assertTrue(meta(GONE).path("lastError").asText().contains("a save was asked for at " + NOW + ", the next not before"),
                meta(GONE).toString());
        assertEquals(2, saves(GONE));

        // the next night: the pending job is checked, not asked for again, and its capture read
        archive.stubFor(get("/save/status/spn2-ccc").willReturn(okJson("{\"status\": \"success\", \"job_id\": \"spn2-ccc\","
                + " \"timestamp\": \"20260409130000\", \"original_url\": \"" + SLOW + "\"}")));
        archive.stubFor(get("/web/20260409130000id_/" + SLOW).willReturn(Fixtures.recorded("ia-view-200-fws-birds.html")));
        archive.stubFor(get("/web/20260409140000id_/" + SLOW).willReturn(Fixtures.recorded("ia-wayback-404-not-archived.html")));
        Cli.Result next = Cli.run(config, Cli.at(NOW.plusSeconds(7200)).withVariables(keys().variables()), "run");
        assertTrue(next.out().contains("1 captured"), next.out() + next.err());
        assertTrue(meta(SLOW).path("fetchedAt").isTextual(), meta(SLOW).toString());
        assertTrue(meta(SLOW).path("saveJob").isNull());
        assertEquals(2, saves(SLOW), "asked again after the 429, and not the next night");

        // the keys go in one header and nowhere else
        StringBuilder everything = new StringBuilder(night.out()).append(night.err()).append(next.out()).append(next.err()).append(Files.readString(requestLog));
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                everything.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertFalse(everything.toString().contains(SECRET), "the secret key was written somewhere");
        assertFalse(everything.toString().contains(ACCESS), "the access key was written somewhere");
    }

    @Test
    void savingWithoutBothKeysIsAConfigurationError() throws Exception {
        Cli.Result run = Cli.run(dir.resolve("config.yaml"), Cli.at(NOW).withVariables(Map.of(SaveSettings.ACCESS_KEY, ACCESS)), "run");

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(SaveSettings.ACCESS_KEY + " and " + SaveSettings.SECRET_KEY + " are not both set"), run.err());
        assertFalse(run.err().contains(ACCESS), "the one key given is not shown either");
        assertEquals(0, archive.getAllServeEvents().size(), "nothing was asked of the archive");
        Cli.Result refresh = Cli.run(dir.resolve("config.yaml"), Cli.at(NOW), "refresh", NEW);
        assertEquals(2, refresh.exitCode(), refresh.out() + refresh.err());
        assertEquals(0, archive.getAllServeEvents().size(), "nothing was asked of the archive");
    }

    @Test
    void keysTheArchiveRefusesFailEverySaveWithoutAskingAgain() throws Exception {
        Cli.Result run = Cli.run(dir.resolve("config.yaml"), Cli.at(NOW).withVariables(Map.of(SaveSettings.ACCESS_KEY, "wrong",
                SaveSettings.SECRET_KEY, "keys")), "run");

        assertEquals(1, run.exitCode());
        assertTrue(meta(NEW).path("lastError").asText().startsWith("save failed: the archive refused the keys in "
                + SaveSettings.ACCESS_KEY + " and " + SaveSettings.SECRET_KEY + " (HTTP 401)"), meta(NEW).toString());
        assertEquals(1, archive.countRequestsMatching(postRequestedFor(urlEqualTo("/save")).build()).getCount());
        assertTrue(run.out().contains("3 failed"), run.out());
    }
}
