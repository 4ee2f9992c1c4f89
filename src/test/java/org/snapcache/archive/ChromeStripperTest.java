package org.snapcache.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.snapcache.Fixtures;
import org.snapcache.extract.HtmlTextExtractor;
import org.snapcache.extract.PageText;

class ChromeStripperTest {

    static final List<String> CHROME = List.of("Wayback Machine", "wm-ipp", "__wm", "FILE ARCHIVED ON", "playback timings",
            "web.archive.org", "_static");

    @ParameterizedTest
    @ValueSource(strings = {"ia-view-200-fws-birds.html", "ia-view-404-whitehouse-faqs.html"})
    void replayPageLosesEveryTraceOfTheToolbar(String fixture) {
        Document document = Jsoup.parse(Fixtures.text("wayback/" + fixture), "https://web.archive.org/web/");

        new ChromeStripper().strip(document);

        String html = document.outerHtml();
        // links rewritten to /web/<ts>/ stay in the markup (they are not text); the toolbar does not
        for (String marker : List.of("Wayback Machine", "wm-ipp", "__wm", "FILE ARCHIVED ON", "playback timings", "_static")) {
            assertFalse(html.contains(marker), fixture + " still contains " + marker);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ia-view-200-fws-birds.html", "ia-view-404-whitehouse-faqs.html"})
    void previewAndTitleOfReplayPageHoldNoChrome(String fixture) {
        Document document = Jsoup.parse(Fixtures.text("wayback/" + fixture), "https://web.archive.org/web/");
        new ChromeStripper().strip(document);

        PageText page = new HtmlTextExtractor().extract(document);

        assertTrue(page.text().contains("Federal Duck Stamp") || page.text().contains("That page cannot be found"),
                "the page's own text remains: " + page.text());
        for (String marker : CHROME) {
            assertFalse(page.text().contains(marker), fixture + " text contains " + marker);
            assertFalse(page.title().orElse("").contains(marker), fixture + " title contains " + marker);
        }
    }

    @Test
    void replayAndRawModeGiveTheSameText() {
        Document replay = Jsoup.parse(Fixtures.text("wayback/ia-view-404-whitehouse-faqs.html"), "https://web.archive.org/web/");
        Document raw = Jsoup.parse(Fixtures.text("wayback/ia-id-404-whitehouse-faqs.html"), "https://www.whitehouse.gov/");
        new ChromeStripper().strip(replay);
        new ChromeStripper().strip(raw);

        PageText fromReplay = new HtmlTextExtractor().extract(replay);
        PageText fromRaw = new HtmlTextExtractor().extract(raw);

        assertEquals(fromRaw.text(), fromReplay.text());
        assertEquals(fromRaw.title(), fromReplay.title());
        assertTrue(fromRaw.text().contains("That page cannot be found"), fromRaw.text());
    }

    @Test
    void keepsThePagesOwnContent() {
        Document document = Jsoup.parse(Fixtures.text("wayback/ia-view-200-fws-birds.html"), "https://web.archive.org/web/");
        new ChromeStripper().strip(document);

        PageText page = new HtmlTextExtractor().extract(document);

        assertTrue(page.title().orElse("").contains("Migratory Bird"), page.title().toString());
    }

    @Test
    void leavesAPageWithoutChromeExactlyAsItWas() {
        String raw = Fixtures.text("wayback/ia-id-404-whitehouse-faqs.html");
        Document stripped = Jsoup.parse(raw, "https://www.whitehouse.gov/");
        String before = stripped.outerHtml();

        new ChromeStripper().strip(stripped);

        assertEquals(before, stripped.outerHtml());
    }

    @Test
    void removesTodaysToolbarWithStaticFilesOnAnotherHostAndRuffle() {
        Document document = Jsoup.parse("<html><head>"
                + "<script src=\"https://web-static.archive.org/_static/js/bundle-playback.js?v=1\"></script>"
                + "<script src=\"https://web-static.archive.org/_static/js/wombat.js?v=1\"></script>"
                + "<script>window.RufflePlayer=window.RufflePlayer||{};window.RufflePlayer.config={autoplay:'on'};</script>"
                + "<script src=\"https://web-static.archive.org/_static/js/ruffle/ruffle.js\"></script>"
                + "<script>__wm.init(\"https://web.archive.org/web\");</script>"
                + "<link rel=\"stylesheet\" href=\"https://web-static.archive.org/_static/css/banner-styles.css?v=1\">"
                + "<!-- End Wayback Rewrite JS Include --><title>Today</title></head><body>"
                + "<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id=\"wm-ipp-base\">The Wayback Machine - https://web.archive.org/web/2026</div>"
                + "<!-- END WAYBACK TOOLBAR INSERT --><p>Page text</p></body></html>");

        new ChromeStripper().strip(document);

        for (String marker : List.of("_static", "Ruffle", "__wm", "wm-ipp", "Wayback Machine", "Wayback Rewrite")) {
            assertFalse(document.outerHtml().contains(marker), marker + " left in " + document.outerHtml());
        }
        assertEquals("Page text", new HtmlTextExtractor().extract(document).text());
    }

    @Test
    void removesPywbInsert() {
        Document document = Jsoup.parse("<html><head><!-- WB Insert --><script>wbinfo = {}; wbinfo.url = 'x';</script>"
                + "<script src='https://archive.example/static/wombat.js'></script><!-- End WB Insert -->"
                + "<title>Real</title></head><body><p>Body text</p></body></html>");

        new ChromeStripper().strip(document);

        assertFalse(document.outerHtml().contains("wbinfo"));
        assertFalse(document.outerHtml().contains("wombat"));
        assertEquals("Real", document.title());
    }
}
