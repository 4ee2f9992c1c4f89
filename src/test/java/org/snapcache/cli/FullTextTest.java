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
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.Fixtures;
import org.snapcache.cache.CacheStore;
import org.snapcache.cache.MetaJson;
import org.snapcache.config.ResourceId;

/** text.txt: the whole extracted text beside the preview, as contentLength counts and contentHash hashes it. */
class FullTextTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-04-09T12:00:00Z");
    static final String BIRDS = "https://www.fws.gov/birds/";

    @TempDir
    Path dir;

    @BeforeEach
    void archiveAnswers() {
        archive.stubFor(get("/web/20260409120000id_/" + BIRDS).willReturn(aResponse().withStatus(302)
                .withHeader("Location", archive.baseUrl() + "/web/20171124151315id_/" + BIRDS)));
        archive.stubFor(get("/web/20171124151315id_/" + BIRDS).willReturn(Fixtures.recorded("ia-view-200-fws-birds.html")));
    }

    /** A configuration of one resource, {@code url}, with {@code settings} added at the top. */
    Path config(String settings, String url) throws Exception {
        return Files.writeString(dir.resolve("config.yaml"), """
                cache-dir: cache
                preview-chars: 300
                %s
                archive:
                  base-url: %s/web/
                http:
                  requests-per-minute: 1000
                resources:
                  - url: %s
                """.formatted(settings, archive.baseUrl(), url));
    }

    /** A run over the fws.gov capture with {@code settings}; the entry's folder. */
    Path run(String settings) throws Exception {
        Cli.Result run = Cli.run(config(settings, BIRDS), Cli.at(NOW), "run");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        return dir.resolve("cache").resolve(ResourceId.forUrl(BIRDS));
    }

    JsonNode meta(Path entry) throws Exception {
        return MetaJson.mapper().readTree(entry.resolve("meta.json").toFile());
    }

    @Test
    void theWholeTextIsKeptBesideThePreviewAndHashesToContentHash() throws Exception {
        Path entry = run("");

        String text = Files.readString(entry.resolve("text.txt"));
        JsonNode meta = meta(entry);
        assertEquals(meta.path("contentHash").asText(), CacheStore.hash(text));
        assertEquals(meta.path("contentLength").asInt(), text.codePointCount(0, text.length()));
        assertEquals(meta.path("contentLength").asInt(), meta.path("textLength").asInt());
        assertTrue(meta.path("contentLength").asInt() > meta.path("previewLength").asInt(), meta.toString());
        String preview = Files.readString(entry.resolve("preview.txt"));
        assertTrue(text.startsWith(preview.substring(0, 100)), "the preview is the text's cut");
        assertEquals(0, Cli.run(dir.resolve("config.yaml"), Cli.at(NOW), "verify").exitCode());
    }

    @Test
    void previewsOnlyWhenFullTextIsOff() throws Exception {
        Path entry = run("full-text: false");

        assertFalse(Files.exists(entry.resolve("text.txt")));
        assertTrue(meta(entry).path("textLength").isNull());
        assertFalse(Files.exists(entry.resolve("page.txt")));
        assertTrue(meta(entry).path("pageTextLength").isNull());
    }

    /** A line of the whole page's text, of five words or more, that the main text does not have. */
    static String outsideTheMainText(Path entry) throws Exception {
        String text = Files.readString(entry.resolve("text.txt"));
        return Files.readString(entry.resolve("page.txt")).lines().map(String::strip)
                .filter(line -> line.split(" ").length >= 5 && !text.contains(line)).findFirst().orElseThrow();
    }

    @Test
    void aQuoteTheMainTextLeavesOutIsFoundInTheWholePagesText() throws Exception {
        Path entry = run("");
        JsonNode meta = meta(entry);
        String page = Files.readString(entry.resolve("page.txt"));
        assertEquals(meta.path("pageTextLength").asInt(), page.codePointCount(0, page.length()));
        String line = outsideTheMainText(entry);

        Cli.Result found = Cli.run(dir.resolve("config.yaml"), Cli.at(NOW), "quote", BIRDS, line.toUpperCase());

        assertEquals(0, found.exitCode(), found.out() + found.err());
        assertTrue(found.out().startsWith("normalized (score 1.000) at character " + page.indexOf(line) + " of page.txt, outside the main text"),
                found.out());
        JsonNode answer = MetaJson.mapper().readTree(Cli.run(dir.resolve("config.yaml"), Cli.at(NOW), "quote", BIRDS, line, "--json").out());
        assertEquals("exact", answer.path("verdict").asText());
        assertEquals("page.txt", answer.path("file").asText());
        assertEquals(line, answer.path("match").asText());
        // a passage of the main text is answered from text.txt, though page.txt has it too
        String passage = passage(Files.readString(entry.resolve("text.txt")));
        assertEquals("text.txt", MetaJson.mapper().readTree(Cli.run(dir.resolve("config.yaml"), Cli.at(NOW), "quote", BIRDS, passage,
                "--json").out()).path("file").asText());
    }

    @Test
    void verifyChecksTheWholePagesTextAgainstMetaJson() throws Exception {
        Path entry = run("");
        String page = Files.readString(entry.resolve("page.txt"));
        Files.writeString(entry.resolve("page.txt"), page.substring(0, page.length() / 2));

        Cli.Result verify = Cli.run(dir.resolve("config.yaml"), Cli.at(NOW), "verify");

        assertEquals(1, verify.exitCode());
        assertTrue(verify.out().contains(entry.resolve("page.txt") + ": holds "), verify.out());
    }

    @Test
    void aCapCutsTheKeptTextAndMetaJsonSaysWhere() throws Exception {
        Path entry = run("full-text-chars: 500");

        String text = Files.readString(entry.resolve("text.txt"));
        JsonNode meta = meta(entry);
        assertEquals(500, text.codePointCount(0, text.length()));
        assertEquals(500, meta.path("textLength").asInt());
        assertTrue(meta.path("contentLength").asInt() > 500, meta.toString());
        String page = Files.readString(entry.resolve("page.txt"));
        assertEquals(500, page.codePointCount(0, page.length()));
        assertEquals(500, meta.path("pageTextLength").asInt());
        assertEquals(0, Cli.run(dir.resolve("config.yaml"), Cli.at(NOW), "verify").exitCode());
    }

    @Test
    void verifyChecksTheTextAgainstMetaJson() throws Exception {
        Path entry = run("");
        String text = Files.readString(entry.resolve("text.txt"));
        Files.writeString(entry.resolve("text.txt"), text.replace('e', 'a'));

        Cli.Result verify = Cli.run(dir.resolve("config.yaml"), Cli.at(NOW), "verify");

        assertEquals(1, verify.exitCode());
        assertTrue(verify.out().contains(entry.resolve("text.txt") + ": does not hash to the contentHash in meta.json"), verify.out());
        Cli.Result quote = Cli.run(dir.resolve("config.yaml"), Cli.at(NOW), "quote", BIRDS, "birds");
        assertEquals(1, quote.exitCode());
        assertTrue(quote.out().startsWith("error: corrupt cache entry " + entry.resolve("text.txt")), quote.out());
    }

    /** Twelve words of the kept text, from its middle, as they stand in it. */
    static String passage(String text) {
        String[] words = text.substring(text.length() / 3).split("\\s+");
        return String.join(" ", java.util.Arrays.copyOfRange(words, 1, 13));
    }

    @Test
    void quoteSaysWhetherTheSourceSaysIt() throws Exception {
        Path entry = run("");
        Path config = dir.resolve("config.yaml");
        String text = Files.readString(entry.resolve("text.txt"));
        String passage = passage(text);
        assertTrue(text.contains(passage), passage);

        Cli.Result exact = Cli.run(config, Cli.at(NOW), "quote", BIRDS, passage);
        assertEquals(0, exact.exitCode(), exact.out() + exact.err());
        assertTrue(exact.out().startsWith("exact (score 1.000) at character "), exact.out());

        Cli.Result retyped = Cli.run(config, Cli.at(NOW), "quote", ResourceId.forUrl(BIRDS), "  " + passage.toLowerCase().replace(" ", "  "));
        assertEquals(0, retyped.exitCode(), retyped.out());
        assertTrue(retyped.out().startsWith("normalized"), retyped.out());

        String longest = java.util.Arrays.stream(passage.split(" ")).filter(w -> w.matches("\\p{L}{5,}")).findFirst().orElseThrow();
        Cli.Result changed = Cli.run(config, Cli.at(NOW), "quote", BIRDS, passage.replace(longest, "zebras"), "--json");
        assertEquals(1, changed.exitCode());
        JsonNode answer = MetaJson.mapper().readTree(changed.out());
        assertEquals("fuzzy", answer.path("verdict").asText(), changed.out());
        assertTrue(answer.path("match").asText().contains(longest), "what the source really says: " + changed.out());
        assertEquals(ResourceId.forUrl(BIRDS), answer.path("id").asText());

        Cli.Result absent = Cli.run(config, Cli.at(NOW), "quote", BIRDS, "Large language models are trained on the whole internet");
        assertEquals(1, absent.exitCode());
        assertTrue(absent.out().startsWith("absent"), absent.out());

        assertEquals(3, Cli.run(config, Cli.at(NOW), "quote", "https://unknown.example/", passage).exitCode());
    }

    @Test
    void aBatchAnswersEveryLineInOrderAndABadLineStopsNothing() throws Exception {
        Path entry = run("");
        String passage = passage(Files.readString(entry.resolve("text.txt")));
        Path batch = Files.writeString(dir.resolve("quotes.jsonl"), String.join("\n",
                MetaJson.mapper().createObjectNode().put("resource", BIRDS).put("quote", passage).toString(),
                "not json at all",
                MetaJson.mapper().createObjectNode().put("resource", "https://unknown.example/").put("quote", passage).toString(),
                MetaJson.mapper().createObjectNode().put("resource", ResourceId.forUrl(BIRDS)).put("quote", "nothing like it at all here").toString()));

        Cli.Result result = Cli.run(dir.resolve("config.yaml"), Cli.at(NOW), "quote", "--batch", batch.toString());

        assertEquals(1, result.exitCode(), result.err());
        java.util.List<JsonNode> answers = new java.util.ArrayList<>();
        for (String line : result.out().strip().split("\n")) {
            answers.add(MetaJson.mapper().readTree(line));
        }
        assertEquals(4, answers.size(), result.out());
        assertEquals("exact", answers.get(0).path("verdict").asText());
        assertEquals(ResourceId.forUrl(BIRDS), answers.get(0).path("id").asText());
        assertEquals("error", answers.get(1).path("verdict").asText());
        assertEquals(2, answers.get(1).path("line").asInt());
        assertEquals("error", answers.get(2).path("verdict").asText());
        assertEquals("absent", answers.get(3).path("verdict").asText());
    }

    @Test
    void exportGivesAJsonLineForEachEntryWithAPreview() throws Exception {
        Path entry = run("");
        Path config = dir.resolve("config.yaml");

        Cli.Result export = Cli.run(config, Cli.at(NOW), "export");
        assertEquals(0, export.exitCode(), export.err());
        String[] lines = export.out().strip().split("\n");
        assertEquals(1, lines.length, export.out());
        JsonNode line = MetaJson.mapper().readTree(lines[0]);
        assertEquals(BIRDS, line.path("url").asText());
        assertEquals(meta(entry).path("contentHash"), line.path("contentHash"));
        assertEquals(Files.readString(entry.resolve("preview.txt")), line.path("preview").asText());
        assertTrue(line.path("fullText").isMissingNode());

        JsonNode full = MetaJson.mapper().readTree(Cli.run(config, Cli.at(NOW), "export", "--full-text").out().strip());
        assertEquals(Files.readString(entry.resolve("text.txt")), full.path("fullText").asText());

        assertEquals("", Cli.run(config, Cli.at(NOW), "export", "--only", "stale,failed").out());
        assertEquals(2, Cli.run(config, Cli.at(NOW), "export", "--only", "soon").exitCode());
    }

    @Test
    void aResourceWithoutTextHasNoTextToQuoteAndStdinTakesABatch() throws Exception {
        String failing = "https://gone.example/";
        archive.stubFor(get("/web/20260409120000id_/" + failing).willReturn(aResponse().withStatus(404)));
        Path config = config("", failing);
        Cli.run(config, Cli.at(NOW), "run");

        Cli.Result none = Cli.run(config, Cli.at(NOW), "quote", failing, "anything at all");
        assertEquals(1, none.exitCode());
        assertTrue(none.out().startsWith("no-text: " + failing + " has no text in the cache yet"), none.out());

        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(("{\"resource\": \"" + failing + "\", \"quote\": \"anything\"}\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Cli.Result batch = Cli.run(config, Cli.at(NOW), "quote", "--batch", "-");
            assertEquals(1, batch.exitCode());
            assertEquals("no-text", MetaJson.mapper().readTree(batch.out()).path("verdict").asText(), batch.out());
        } finally {
            System.setIn(stdin);
        }
    }
}
