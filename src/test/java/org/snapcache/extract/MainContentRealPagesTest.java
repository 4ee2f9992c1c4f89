package org.snapcache.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snapcache.Fixtures;
import org.snapcache.archive.Capture;

/**
 * Twelve real pages of the extraction corpus (news, blogs, a wiki, a city's site, in English and
 * German): the preview holds the article's words, from its first marked segment on, and none of
 * the boilerplate segments.
 */
class MainContentRealPagesTest {

    static Stream<Arguments> pages() throws IOException {
        JsonNode data = new ObjectMapper().readTree(Fixtures.bytes("extraction/evaldata.json"));
        List<Arguments> pages = new ArrayList<>();
        data.fields().forEachRemaining(entry -> pages.add(Arguments.of(entry.getKey(), entry.getValue())));
        return pages.stream();
    }

    static String normalise(String text) {
        return String.join(" ", text.trim().split("\\s+"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void previewHoldsTheArticleAndNoBoilerplate(String url, JsonNode expected) throws Exception {
        byte[] html;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(
                Fixtures.bytes("extraction/" + expected.get("file").asText() + ".gz")))) {
            html = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PageText page = new ContentExtractor().extract(new Capture(url, Capture.ARCHIVE, "", "", Optional.empty(), 200,
                "text/html", Optional.empty(), html));
        String text = normalise(page.text());
        String preview = normalise(new PreviewCutter(3000).cut(page.text()));

        assertTrue(preview.contains(normalise(expected.get("with").get(0).asText())), "preview of " + url + ": " + preview);
        for (JsonNode segment : expected.get("with")) {
            assertTrue(text.contains(normalise(segment.asText())), url + " lacks: " + segment.asText());
        }
        for (JsonNode segment : expected.get("without")) {
            assertFalse(text.contains(normalise(segment.asText())), url + " keeps boilerplate: " + segment.asText());
        }
    }
}
