package org.snapcache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    Settings load(String yaml) throws Exception {
        return new ConfigLoader("snapcache/test").load(write("config.yaml", yaml));
    }

    List<String> problems(String yaml) throws IOException {
        Path file = write("config.yaml", yaml);
        return assertThrows(ConfigException.class, () -> new ConfigLoader("snapcache/test").load(file)).problems().stream()
                .map(problem -> problem.replace(dir + "/", ""))
                .toList();
    }

    @Test
    void readsEveryKeyAndResolvesPathsAgainstTheConfigFolder() throws Exception {
        Settings settings = load("""
                cache-dir: previews
                preview-chars: 500
                max-age: 12h
                archive:
                  base-url: https://webarchive.org.uk/wayback/archive
                  mode: playback
                http:
                  user-agent: "snapcache/1 (+mailto:ops@wiki.test)"
                  timeout: 15s
                  concurrency: 2
                  requests-per-minute: 20
                  retries: 1
                  max-body: 512KB
                  rate-limit-pause: 5m
                resources:
                  - url: https://www.alignmentforum.org/w/mesa-optimization
                    title: Mesa-Optimization
                    stable-id: sid_lreD7Zhsgs5147
                    archived-at: 20260213070116
                """);

        assertEquals(dir.resolve("previews"), settings.cacheDir());
        assertEquals(500, settings.previewChars());
        assertEquals(Duration.ofHours(12), settings.maxAge());
        assertEquals("https://webarchive.org.uk/wayback/archive/", settings.archive().baseUrl());
        assertEquals(ArchiveMode.PLAYBACK, settings.archive().mode());
        assertEquals(new HttpSettings("snapcache/1 (+mailto:ops@wiki.test)", Duration.ofSeconds(15), 2, 20, 1,
                512 * 1024, Duration.ofMinutes(5)), settings.http());
        Resource resource = settings.resources().get(0);
        assertEquals("8f738b406e4bfc32", resource.id());
        assertEquals(Optional.of("sid_lreD7Zhsgs5147"), resource.stableId());
        assertEquals(Optional.of("20260213070116"), resource.archivedAt());
    }

    @Test
    void defaultsFollowTheProductDesign() throws Exception {
        Settings settings = load("resources: []\n");

        assertEquals(dir.resolve("cache"), settings.cacheDir());
        assertEquals(3000, settings.previewChars());
        assertEquals(Duration.ofDays(30), settings.maxAge());
        assertEquals("https://web.archive.org/web/", settings.archive().baseUrl());
        assertEquals(ArchiveMode.RAW, settings.archive().mode());
        assertEquals(new HttpSettings("snapcache/test", Duration.ofSeconds(30), 4, 30, 3, 10L * 1024 * 1024,
                Duration.ofSeconds(60)), settings.http());
    }

    @Test
    void readsTheWikisResourceFilesIgnoringTheirOwnFields() throws Exception {
        write("resources/papers.yaml", """
                - id: risks-paper
                  url: https://arxiv.org/abs/1906.01820
                  title: Risks from Learned Optimization
                  stable_id: sid_abc
                  tags: [alignment, mesa]
                  cited_by: [mesa-optimization]
                  summary: A paper.
                """);
        write("resources/blogs.yaml", "resources:\n  - url: https://karpathy.github.io/2015/05/21/rnn-effectiveness/\n");
        Settings settings = load("resource-files:\n  - resources/*.yaml\n");

        assertEquals(2, settings.resources().size());
        Resource paper = settings.resources().stream().filter(r -> r.id().equals("risks-paper")).findFirst().orElseThrow();
        assertEquals(Optional.of("sid_abc"), paper.stableId());
        assertTrue(paper.source().endsWith("papers.yaml:1"), paper.source());
    }

    @Test
    void reportsEveryProblemAtOnceWithFileLineAndKey() throws IOException {
        List<String> problems = problems("""
                cache-dir: cache
                preview-chars: lots
                max-age: 30 days
                archve:
                  base-url: x
                http:
                  timeout: 10
                  concurrency: 0
                  retries: [1]
                resources:
                  - url: javascript:alert(1)
                  - url: https://ok.example/
                    id: ../../etc
                  - title: no url
                  - url: https://a.example/
                    archived-at: 2020-01-01
                    colour: blue
                """);

        assertEquals(List.of(
                "config.yaml:2: preview-chars: must be a whole number, got \"lots\"",
                "config.yaml:3: max-age: must be a duration such as 30s, 15m, 12h or 30d, got \"30 days\"",
                "config.yaml:4: archve: unknown key (expected one of archive, cache-dir, http, live-fallback, max-age, preview-chars, resource-files, resources)",
                "config.yaml:7: http.timeout: must be a duration such as 30s, 15m, 12h or 30d, got \"10\"",
                "config.yaml:8: http.concurrency: must be between 1 and 64, got 0",
                "config.yaml:9: http.retries: must be a single value, got a list",
                "config.yaml:11: resource javascript:alert(1): url: \"javascript:alert(1)\" is not an absolute http or https URL",
                "config.yaml:13: resource https://ok.example/: id: \"../../etc\" is not a valid id (1-64 characters of A-Z a-z 0-9 _ -, since it names a folder)",
                "config.yaml:14: resources[2]: url is missing",
                "config.yaml:16: resource https://a.example/: archived-at: must be a Wayback timestamp of 1 to 14 digits (yyyyMMddHHmmss), got \"2020-01-01\"",
                "config.yaml:17: resource https://a.example/: colour: unknown key (expected one of archived-at, id, stable-id, stable_id, title, type, url)"),
                problems);
    }

    @Test
    void readsSeveralArchivesCaptureChoiceAndLiveFallback() throws Exception {
        Settings settings = load("""
                live-fallback: true
                archive:
                  base-urls:
                    - https://web.archive.org/web/
                    - https://www.webarchive.org.uk/wayback/archive
                  prefer-ok-capture: false
                """);

        assertEquals(List.of("https://web.archive.org/web/", "https://www.webarchive.org.uk/wayback/archive/"),
                settings.archive().baseUrls());
        assertEquals(false, settings.archive().preferOkCapture());
        assertEquals(true, settings.liveFallback());
        assertEquals(true, load("resources: []\n").archive().preferOkCapture());
        assertEquals(false, load("resources: []\n").liveFallback());
    }

    @Test
    void rejectsBaseUrlTogetherWithBaseUrlsAndNonBooleans() throws IOException {
        assertEquals(List.of(
                "config.yaml:1: live-fallback: must be true or false, got \"sometimes\"",
                "config.yaml:4: archive.base-urls: give base-url (one archive) or base-urls (a list), not both",
                "config.yaml:6: archive.base-urls: \"ftp://archive.example/\" is not an absolute http or https URL"),
                problems("""
                        live-fallback: sometimes
                        archive:
                          base-url: https://web.archive.org/web/
                          base-urls:
                            - https://web.archive.org/web/
                            - ftp://archive.example/
                        """));
    }

    @Test
    void rejectsUrlsThatAreNotAbsoluteHttp() throws IOException {
        for (String url : List.of("file:///etc/passwd", "ftp://example.org/", "https://exa mple.org/", "https:///nohost", "/relative")) {
            List<String> problems = problems("resources:\n  - url: \"" + url + "\"\n");
            assertEquals(1, problems.size(), url + ": " + problems);
            assertTrue(problems.get(0).startsWith("config.yaml:2: resource " + url + ": url: "), problems.get(0));
        }
    }

    @Test
    void rejectsTwoEntriesWithTheSameId() throws IOException {
        List<String> problems = problems("""
                resources:
                  - url: https://a.example/
                    id: same
                  - url: https://b.example/
                    id: same
                """);

        assertEquals(List.of("config.yaml:4: resource https://b.example/: id same is already used by https://a.example/ (config.yaml:2)"),
                problems);
    }

    @Test
    void rejectsTheSameUrlListedTwice() throws IOException {
        List<String> problems = problems("resources:\n  - url: https://a.example/\n  - url: https://a.example/\n");

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("https://a.example/"), problems.get(0));
    }

    @Test
    void malformedYamlNamesLineAndColumn() throws IOException {
        List<String> problems = problems("resources:\n  - url: https://a.example/\n   bad: [unclosed\n");

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).matches("config\\.yaml:\\d+:\\d+: malformed YAML: .+"), problems.get(0));
    }

    @Test
    void missingConfigFileIsOneLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader("x").load(dir.resolve("nope.yaml")));
        assertEquals(List.of(dir.resolve("nope.yaml") + ": no such configuration file"), e.problems());
    }

    @Test
    void globMatchingNothingIsAProblem() throws IOException {
        List<String> problems = problems("resource-files:\n  - resources/*.yml\n");
        assertEquals(List.of("config.yaml:2: resource-files: \"resources/*.yml\" matches no file"), problems);
    }

    @Test
    void problemsInResourceFilesNameThatFile() throws IOException {
        write("resources/bad.yaml", "- url: https://ok.example/\n- url: not a url\n  tags: [x]\n");
        List<String> problems = problems("resource-files: [resources/*.yaml]\n");

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("resources/bad.yaml:2: resource not a url: url: "), problems.get(0));
    }

    @Test
    void topLevelMustBeAMapping() throws IOException {
        assertEquals(List.of("config.yaml:1: top level: must be a mapping of settings, got a list"), problems("- a\n- b\n"));
    }
}
