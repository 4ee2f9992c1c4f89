package org.snapcache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated configurations: the loader either accepts one or reports problems, each a
 * single line naming the file; it never throws anything else.
 */
class ConfigFuzzTest {

    static final String SEED_CONFIG = """
            cache-dir: cache
            preview-chars: 3000
            max-age: 30d
            archive:
              base-url: https://web.archive.org/web/
              mode: raw
            http:
              user-agent: "snapcache/1 (+mailto:ops@wiki.test)"
              timeout: 30s
              concurrency: 4
              requests-per-minute: 30
              retries: 3
              max-body: 10MB
            resources:
              - url: https://www.alignmentforum.org/w/mesa-optimization
                title: Mesa-Optimization
                stable-id: sid_lreD7Zhsgs5147
                archived-at: 20260213070116
              - {url: "https://arxiv.org/abs/1906.01820", id: risks-paper}
            resource-files: [resources/*.yaml]
            """;

    static final String[] FRAGMENTS = {":", "- ", "  ", "\n", "{", "}", "[", "]", "\"", "'", "&a", "*a", "!!binary", "?",
        "#", "|", ">", "%YAML 1.1", "---", "...", "\t", "\u0000", "\uFEFF", "é", "😀", "null", "~", "-1", "1e309", "0x1F",
        "javascript:alert(1)", "../..", "url:", "id:", "resources:", "<<: *a", "2020-01-01"};

    @TempDir
    Path dir;

    void assertLoadsOrReportsProblems(String yaml) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        try {
            new ConfigLoader("snapcache/test").load(file);
        } catch (ConfigException e) {
            assertFalse(e.problems().isEmpty());
            for (String problem : e.problems()) {
                assertTrue(problem.startsWith(file.toString()) || problem.startsWith("resources/"), problem);
                assertFalse(problem.contains("\n"), "one line: " + problem);
            }
        } catch (RuntimeException e) {
            fail("uncaught " + e + " for:\n" + yaml, e);
        }
    }

    @Test
    void mutatedConfigurationsNeverEscapeAsExceptions() throws IOException {
        Files.createDirectories(dir.resolve("resources"));
        Files.writeString(dir.resolve("resources/a.yaml"), "- url: https://example.org/\n  tags: [x]\n");
        Random random = new Random(42);
        for (int round = 0; round < 1500; round++) {
            StringBuilder yaml = new StringBuilder(SEED_CONFIG);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(yaml.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> yaml.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                    case 1 -> yaml.delete(at, Math.min(yaml.length(), at + 1 + random.nextInt(12)));
                    default -> yaml.setCharAt(Math.min(at, yaml.length() - 1), (char) (32 + random.nextInt(95)));
                }
            }
            assertLoadsOrReportsProblems(yaml.toString());
        }
    }

    @Test
    void randomBytesNeverEscapeAsExceptions() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            assertLoadsOrReportsProblems(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void theSeedItselfIsValid() throws Exception {
        Files.createDirectories(dir.resolve("resources"));
        Files.writeString(dir.resolve("resources/a.yaml"), "- url: https://example.org/\n");
        Files.writeString(dir.resolve("config.yaml"), SEED_CONFIG);
        assertEquals(3, new ConfigLoader("x").load(dir.resolve("config.yaml")).resources().size());
    }

    @Test
    void aCatalogueOfAHundredThousandEntriesLoads() throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            yaml.append("- url: https://site").append(i % 997).append(".example/page/").append(i).append('\n')
                    .append("  title: Resource ").append(i).append('\n')
                    .append("  tags: [alignment, policy]\n")
                    .append("  cited_by: [page-").append(i % 50).append("]\n");
        }
        Files.createDirectories(dir.resolve("resources"));
        Files.writeString(dir.resolve("resources/all.yaml"), yaml);
        Files.writeString(dir.resolve("config.yaml"), "resource-files: [resources/*.yaml]\n");

        Settings settings = new ConfigLoader("x").load(dir.resolve("config.yaml"));

        assertEquals(100_000, settings.resources().size());
    }

    @Test
    void duplicatesInALargeCatalogueAreEachWarnedAboutAndFetchedOnce() throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            yaml.append("- url: https://example.org/").append(i % 19_998).append('\n');
        }
        Files.createDirectories(dir.resolve("resources"));
        Files.writeString(dir.resolve("resources/all.yaml"), yaml);
        Files.writeString(dir.resolve("config.yaml"), "resource-files: [resources/all.yaml]\n");

        Settings settings = new ConfigLoader("x").load(dir.resolve("config.yaml"));

        assertEquals(19_998, settings.resources().size());
        assertEquals(2, settings.warnings().size(), settings.warnings().toString());
        assertTrue(settings.warnings().get(0).startsWith(dir.resolve("resources/all.yaml") + ":19999: resource https://example.org/0: listed again"),
                settings.warnings().get(0));
    }
}
