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
                  - url: https://a.example/
                    colour: blue
                """);

        assertEquals(List.of(
                "config.yaml:2: preview-chars: must be a whole number, got \"lots\"",
                "config.yaml:3: max-age: must be a duration such as 30s, 15m, 12h or 30d, got \"30 days\"",
                "config.yaml:4: archve: unknown key (expected one of archive, cache-dir, full-text, full-text-chars, http, live-fallback, max-age, preview-chars, resource-files, resources)",
                "config.yaml:7: http.timeout: must be a duration such as 30s, 15m, 12h or 30d, got \"10\"",
                "config.yaml:8: http.concurrency: must be between 1 and 64, got 0",
                "config.yaml:9: http.retries: must be a single value, got a list",
                "config.yaml:12: resource https://a.example/: colour: unknown key (expected one of archived-at, archived_at, id, stable-id, stable_id, title, type, url)"),
                problems);
    }

    @Test
    void entriesThatCannotBeFetchedAreInvalidWithTheirLineAndReasonAndTheRestLoads() throws Exception {
        Settings settings = load("""
                resources:
                  - url: javascript:alert(1)
                  - url: https://ok.example/
                    id: ../../etc
                  - title: no url
                  - url: https://a.example/
                    archived-at: 2020-01-01
                  - url: https://b.example/
                """);

        assertEquals(List.of("https://b.example/"), settings.resources().stream().map(Resource::url).toList());
        assertEquals(List.of(
                "config.yaml:2: resource javascript:alert(1): url: \"javascript:alert(1)\" is not an absolute http or https URL",
                "config.yaml:3: resource https://ok.example/: id: \"../../etc\" is not a valid id (1-64 characters of A-Z a-z 0-9 _ -, since it names a folder)",
                "config.yaml:5: resource (no url): url is missing",
                "config.yaml:6: resource https://a.example/: archived-at: must be a Wayback timestamp of 1 to 14 digits (yyyyMMddHHmmss), got \"2020-01-01\""),
                settings.invalid().stream().map(entry -> entry.describe().replace(dir + "/", "")).toList());
        assertEquals(Optional.empty(), settings.invalid().get(1).folder(), "an unsafe id names no folder");
        assertEquals(Optional.of(ResourceId.forUrl("https://a.example/")), settings.invalid().get(3).folder());
    }

    @Test
    void urlsNoBrowserCouldFetchAreInvalid() throws Exception {
        for (String url : List.of("file:///etc/passwd", "ftp://example.org/", "https://exa mple.org/", "https://", "/relative",
                "https://example.org:99999/")) {
            Settings settings = load("resources:\n  - url: \"" + url + "\"\n  - url: https://fine.example/\n");
            assertEquals(1, settings.invalid().size(), url);
            assertEquals(1, settings.resources().size(), url);
            assertTrue(settings.invalid().get(0).describe().contains("config.yaml:2: resource " + url + ": url: "),
                    settings.invalid().get(0).describe());
        }
    }

    @Test
    void urlsWithCharactersBrowsersEscapeAreFetchedEscapedUnderTheIdOfTheUrlAsWritten() throws Exception {
        String written = "https://scholar.google.com/scholar?q=\"Epoch+AI\"+compute+trends";
        Settings settings = load("resources:\n  - url: '" + written + "'\n");

        Resource resource = settings.resources().get(0);
        assertEquals(ResourceId.forUrl(written), resource.id());
        assertEquals("https://scholar.google.com/scholar?q=%22Epoch+AI%22+compute+trends", resource.fetchUrl());
    }

    @Test
    void anEntryListedTwiceIdenticallyIsOneResourceAndAWarning() throws Exception {
        Settings settings = load("resources:\n  - url: https://a.example/\n    title: A\n  - url: https://a.example/\n    title: A\n");

        assertEquals(1, settings.resources().size());
        assertEquals(List.of("config.yaml:4: resource https://a.example/: listed again (as at config.yaml:2); fetched once"),
                warnings(settings));
    }

    @Test
    void twoEntriesClaimingOneIdOrUrlWithOtherFieldsAreWarnedOnBothLinesAndTheFirstIsUsed() throws Exception {
        Settings settings = load("""
                resources:
                  - url: https://a.example/
                    id: same
                  - url: https://b.example/
                    id: same
                  - url: https://c.example/
                    title: First
                  - url: https://c.example/
                    title: Second
                """);

        assertEquals(List.of("https://a.example/", "https://c.example/"), settings.resources().stream().map(Resource::url).toList());
        assertEquals(Optional.of("First"), settings.resources().get(1).title());
        assertEquals(List.of(
                "config.yaml:2: resource https://a.example/: id same is claimed again at config.yaml:4 with another url; this entry is used",
                "config.yaml:4: resource https://b.example/: id same is already claimed at config.yaml:2 with another url; this entry is ignored",
                "config.yaml:6: resource https://c.example/: URL is claimed again at config.yaml:8 with another title; this entry is used",
                "config.yaml:8: resource https://c.example/: URL is already claimed at config.yaml:6 with another title; this entry is ignored"),
                warnings(settings));
    }

    @Test
    void entriesTheArchiveKeepsAsOnePageAreWorthAWarning() throws Exception {
        Settings settings = load("""
                resources:
                  - url: https://a.example/report
                  - url: https://a.example/report#section-2
                  - url: https://a.example/report/
                  - url: https://a.example/other
                """);

        assertEquals(4, settings.resources().size(), "each is still its own resource");
        assertEquals(List.of(
                "config.yaml:3: resource https://a.example/report#section-2: the archive keeps it as the same page as https://a.example/report (config.yaml:2); each costs its own requests",
                "config.yaml:4: resource https://a.example/report/: the archive keeps it as the same page as https://a.example/report (config.yaml:2); each costs its own requests"),
                warnings(settings));
    }

    @Test
    void resourceEntriesAcceptTheWikisSnakeCaseKeys() throws Exception {
        Settings settings = load("""
                resources:
                  - url: https://a.example/
                    stable_id: sid_a
                    archived_at: "20200101000000"
                  - url: https://b.example/
                    stable-id: sid_b
                    stable_id: sid_other
                """);

        assertEquals(Optional.of("sid_a"), settings.resources().get(0).stableId());
        assertEquals(Optional.of("20200101000000"), settings.resources().get(0).archivedAt());
        assertEquals(List.of("config.yaml:5: resource https://b.example/: stable_id: gives stable-id and stable_id different values"),
                settings.invalid().stream().map(entry -> entry.describe().replace(dir + "/", "")).toList());
    }

    @Test
    void readsTheWikisOwnResourceFileAsItIsFaultsAndAll() throws Exception {
        Files.createDirectories(dir.resolve("resources"));
        Files.copy(Path.of("src/test/resources/catalogue/wiki-resources.yaml"), dir.resolve("resources/web-other.yaml"));
        Settings settings = load("resource-files:\n  - resources/*.yaml\n");

        assertEquals(List.of(
                "https://www.example-lab.org/news/core-views",
                "https://scholar.google.com/scholar?q=\"compute+trends\"+training",
                "https://www.example-forum.org/",
                "https://www.example-frontier.org/",
                "https://reports.example.gov/annual-report",
                "https://reports.example.gov/annual-report#chapter-3",
                "https://blog.example.net/posts/scaling/",
                "https://blog.example.net/posts/scaling",
                "https://bücher.example.de/katalog/ki",
                "https://search.example.org/find?q=a b|c&sort={date}",
                "https://www.example.org/pinned-well"),
                settings.resources().stream().map(Resource::url).toList());
        assertEquals(List.of(
                "https://scholar.google.com/scholar?q=%22compute+trends%22+training",
                "https://xn--bcher-kva.example.de/katalog/ki",
                "https://search.example.org/find?q=a%20b%7Cc&sort=%7Bdate%7D"),
                settings.resources().stream().filter(r -> List.of(1, 8, 9).contains(settings.resources().indexOf(r)))
                        .map(Resource::fetchUrl).toList());
        Resource pinned = settings.resources().get(10);
        assertEquals(Optional.of("1984"), pinned.title());
        assertEquals(Optional.of("sid_Pinned0001"), pinned.stableId());
        assertEquals(Optional.of("20200101000000"), pinned.archivedAt());

        List<String> invalid = settings.invalid().stream().map(e -> e.describe().replace(dir + "/", "")).toList();
        assertEquals(List.of(
                "resources/web-other.yaml:65: resource https://: url: \"https://\" has no host",
                "resources/web-other.yaml:69: resource ftp://files.example.org/paper.pdf: url: \"ftp://files.example.org/paper.pdf\""
                        + " is not an absolute http or https URL",
                "resources/web-other.yaml:72: resource https://www.example.org/escape: id: \"../escape\" is not a valid id"
                        + " (1-64 characters of A-Z a-z 0-9 _ -, since it names a folder)",
                "resources/web-other.yaml:75: resource https://www.example.org/pinned: archived_at: must be a Wayback timestamp"
                        + " of 1 to 14 digits (yyyyMMddHHmmss), got \"2020-13\"",
                "resources/web-other.yaml:82: resource (no url): must be a mapping with at least a url, got a string"),
                invalid);

        assertEquals(List.of(
                "resources/web-other.yaml:35: resource https://www.example-forum.org/: listed again (as at resources/web-other.yaml:31);"
                        + " fetched once",
                "resources/web-other.yaml:39: resource https://www.example-frontier.org/: URL is claimed again at"
                        + " resources/web-other.yaml:43 with another title; this entry is used",
                "resources/web-other.yaml:43: resource https://www.example-frontier.org/: URL is already claimed at"
                        + " resources/web-other.yaml:39 with another title; this entry is ignored",
                "resources/web-other.yaml:50: resource https://reports.example.gov/annual-report#chapter-3: the archive keeps it as"
                        + " the same page as https://reports.example.gov/annual-report (resources/web-other.yaml:47); each costs its own requests",
                "resources/web-other.yaml:56: resource https://blog.example.net/posts/scaling: the archive keeps it as the same page"
                        + " as https://blog.example.net/posts/scaling/ (resources/web-other.yaml:53); each costs its own requests"),
                warnings(settings));
    }

    @Test
    void readsTheWikisJsonCatalogueByItsNameOrItsContent() throws Exception {
        Path json = Path.of("src/test/resources/catalogue/wiki-resources.json");
        Files.createDirectories(dir.resolve("resources"));
        Files.copy(json, dir.resolve("resources/catalogue.json"));
        Files.copy(json, dir.resolve("resources/exported.txt"));
        for (String file : List.of("resources/catalogue.json", "resources/exported.txt")) {
            Settings settings = load("resource-files:\n  - " + file + "\n");

            assertEquals(List.of("7c2e9a0b1d3f4a56", ResourceId.forUrl("https://arxiv.example.org/abs/2401.00001"),
                    ResourceId.forUrl("https://news.example.com/story?id=1&ref=\"home\"")),
                    settings.resources().stream().map(Resource::id).toList(), file);
            assertEquals(Optional.of("sid_Evals00001"), settings.resources().get(0).stableId());
            assertEquals(Optional.of("20240102030405"), settings.resources().get(1).archivedAt());
            assertEquals(1, settings.warnings().size(), "the entry listed twice with more cited_by is the same entry");
            assertEquals(1, settings.invalid().size());
            assertTrue(settings.invalid().get(0).source().endsWith(file + ":8"), settings.invalid().get(0).source());
        }
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        write("resources/catalogue.json", "[\n  {\"url\": \"https://a.example/\"},\n  {\"url\": }\n]\n");
        List<String> problems = problems("resource-files: [resources/catalogue.json]\n");

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).matches("resources/catalogue\\.json:3:\\d+: malformed JSON: .+"), problems.get(0));
    }

    private List<String> warnings(Settings settings) {
        return settings.warnings().stream().map(w -> w.replace(dir + "/", "")).toList();
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
    void saveMissingIsOffByDefaultAndAsksAtTheArchivesOriginUnlessSaveUrlSays() throws Exception {
        assertEquals(Optional.empty(), load("resources: []\n").save());
        SaveSettings save = load("archive:\n  save-missing: true\nresources: []\n").save().orElseThrow();
        assertEquals(new SaveSettings("https://web.archive.org/save", SaveSettings.DEFAULT_PER_MINUTE, SaveSettings.DEFAULT_WAIT), save);
        SaveSettings local = load("""
                archive:
                  base-url: http://127.0.0.1:8080/wayback/
                  save-missing: true
                  saves-per-minute: 2
                  save-wait: 10m
                resources: []
                """).save().orElseThrow();
        assertEquals(new SaveSettings("http://127.0.0.1:8080/save", 2, java.time.Duration.ofMinutes(10)), local);
        assertEquals("https://spn.example/api/save", load("archive:\n  save-missing: true\n  save-url: https://spn.example/api/save\n"
                + "resources: []\n").save().orElseThrow().endpoint());
        assertEquals("https://spn.example/save", load("archive:\n  save-missing: true\n  save-url: https://spn.example\nresources: []\n")
                .save().orElseThrow().endpoint());
        assertEquals(List.of("config.yaml:3: archive.saves-per-minute: must be between 1 and 60, got 600"),
                problems("archive:\n  save-missing: true\n  saves-per-minute: 600\nresources: []\n"));
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
    void invalidEntriesInResourceFilesNameThatFileAndLine() throws Exception {
        write("resources/bad.yaml", "- url: https://ok.example/\n- url: not a url\n  tags: [x]\n");
        Settings settings = load("resource-files: [resources/*.yaml]\n");

        assertEquals(1, settings.resources().size());
        assertTrue(settings.invalid().get(0).describe().replace(dir + "/", "").startsWith("resources/bad.yaml:2: resource not a url: url: "),
                settings.invalid().get(0).describe());
    }

    @Test
    void aResourceFileHoldingNoListIsAProblemNamingIt() throws IOException {
        write("resources/empty.yaml", "");
        write("resources/mapping.yaml", "title: my resources\nitems:\n  - url: https://a.example/\n");
        write("resources/ok.yaml", "- url: https://b.example/\n");

        assertEquals(List.of(
                "resources/empty.yaml: holds no list of resources (the file is empty)",
                "resources/mapping.yaml:1: top level: holds no list of resources (a list, or a mapping with a list under resources,"
                        + " was expected; got a mapping without resources)"),
                problems("resource-files: [resources/*.yaml]\n"));
    }

    @Test
    void topLevelMustBeAMapping() throws IOException {
        assertEquals(List.of("config.yaml:1: top level: must be a mapping of settings, got a list"), problems("- a\n- b\n"));
    }
}
