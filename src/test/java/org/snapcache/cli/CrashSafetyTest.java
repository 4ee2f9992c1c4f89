package org.snapcache.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.pipeline.Environment;
import org.snapcache.Fixtures;
import org.snapcache.cache.CacheStore;
import org.snapcache.cache.CorruptEntryException;
import org.snapcache.cache.MetaJson;

/**
 * Real {@code snapcache run} processes, killed with SIGKILL after a given number of entries and
 * stopped with SIGTERM: every entry stays readable and consistent, and a later run finishes the work.
 */
class CrashSafetyTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final int RESOURCES = 300;

    @TempDir
    Path dir;

    Path config;

    @BeforeEach
    void catalogue() throws IOException {
        archive.stubFor(get(urlPathMatching("/web/\\d{14}id_/http://site\\d+\\.example/page"))
                .willReturn(Fixtures.recorded("ia-id-200-nasa-1996capture-2026fetch.html").withFixedDelay(15)));
        StringBuilder yaml = new StringBuilder("""
                cache-dir: cache
                preview-chars: 500
                archive:
                  base-url: %s/web/
                http:
                  concurrency: 4
                  requests-per-minute: 100000
                  retries: 0
                resources:
                """.formatted(archive.baseUrl()));
        for (int i = 0; i < RESOURCES; i++) {
            yaml.append("  - url: http://site").append(i).append(".example/page\n");
        }
        config = dir.resolve("config.yaml");
        Files.writeString(config, yaml);
    }

    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.snapcache.Main", "--config", config.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
    }

    /** Reads the run's lines for each resource (it runs with -v) until {@code count} resources are done. */
    static void awaitProgress(Process process, int count) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        int seen = 0;
        String line;
        while (seen < count && (line = err.readLine()) != null) {
            if (line.startsWith("[")) {
                seen++;
            }
        }
    }

    /** Every entry in the cache parses, and its preview agrees with its meta.json. */
    int assertEveryEntryReadable() throws IOException {
        CacheStore store = new CacheStore(dir.resolve("cache"));
        int previews = 0;
        for (String id : store.ids()) {
            try {
                if (store.read(id).flatMap(entry -> entry.preview()).isPresent()) {
                    previews++;
                }
            } catch (CorruptEntryException e) {
                fail("entry damaged by the kill: " + e.getMessage());
            }
        }
        return previews;
    }

    @Test
    void killedAfterSomeEntriesLeavesEveryEntryOldOrNewThenANormalRunFinishes() throws Exception {
        int previews = 0;
        // each kill lands after that many entries are done, while others are being fetched and written
        for (int after : new int[] {1, 7, 16, 25, 38}) {
            Process run = start("-v", "run");
            awaitProgress(run, after);
            run.destroyForcibly();
            assertTrue(run.waitFor(30, TimeUnit.SECONDS));

            int now = assertEveryEntryReadable();
            assertTrue(now >= previews, "a kill never loses a stored preview: " + now + " < " + previews);
            previews = now;
        }
        assertTrue(previews < RESOURCES, "the kills came before the work was done");

        Process finish = start("run");
        finish.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(finish.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, finish.exitValue(), Files.readString(dir.resolve("stdout.txt")));

        assertEquals(RESOURCES, assertEveryEntryReadable());
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(".tmp-") || name.startsWith(".aside-")).toList(), "leftovers cleaned up");
        }
        Cli.Result status = Cli.run(Environment.system(), "--config", config.toString(), "status", "--json");
        for (JsonNode row : MetaJson.mapper().readTree(status.out())) {
            assertEquals("fresh", row.get("state").asText(), row.toString());
        }
    }

    @Test
    void sigtermStopsGracefullyAndStillPrintsTheSummary() throws Exception {
        Process run = start("-v", "run");
        awaitProgress(run, 20);
        run.destroy();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));

        String out = Files.readString(dir.resolve("stdout.txt"));
        assertTrue(out.startsWith("run: " + RESOURCES + " resources: refreshed "), out);
        assertTrue(out.contains(" left for the next run "), out);
        assertTrue(out.contains("run: stopped early: snapcache was asked to stop"), out);
        int previews = assertEveryEntryReadable();
        assertTrue(previews >= 20 && previews < RESOURCES, previews + " previews");
    }
}
