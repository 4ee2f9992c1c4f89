package org.snapcache.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.snapcache.Fixtures;

class LinkRestorerTest {

    @Test
    void rewrittenLinksAndImagesOfAReplayPointToTheOriginalsAgain() {
        Document page = Jsoup.parse(Fixtures.text("wayback/ia-view-200-fws-birds.html"),
                "https://web.archive.org/web/20171124151315/https://www.fws.gov/birds/");
        new ChromeStripper().strip(page);

        new LinkRestorer().restore(page);

        for (Element element : page.select("[href], [src]")) {
            String value = element.hasAttr("href") ? element.attr("href") : element.attr("src");
            assertFalse(value.contains("/web/2017"), element.outerHtml());
        }
        assertEquals(1, page.select("a[href=mailto:migratorybirds@fws.gov]").size(), "mailto links too");
    }

    @Test
    void readsTheOriginalOutOfAnyArchivesReplayUrl() {
        assertEquals(Optional.of("https://www.fws.gov/birds/bird-enthusiasts.php"), WaybackUrl.originalOf(
                HttpUrl.get("https://web.archive.org/web/20171124151315/https://www.fws.gov/birds/bird-enthusiasts.php")));
        assertEquals(Optional.of("https://www.fws.gov/images/logo.png?v=2"), WaybackUrl.originalOf(
                HttpUrl.get("https://web.archive.org/web/20171124151315im_/https://www.fws.gov/images/logo.png?v=2")));
        assertEquals(Optional.of("http://www.gov.uk/"), WaybackUrl.originalOf(
                HttpUrl.get("https://www.webarchive.org.uk/wayback/archive/20200101000000mp_/http://www.gov.uk/")));
        assertEquals(Optional.empty(), WaybackUrl.originalOf(HttpUrl.get("https://www.fws.gov/birds/2017/report.html")));
    }

    @Test
    void onlyLinksThatCanBeRewritesAreResolved() {
        for (String rewritten : new String[] {"/web/20201027220743im_/https://example.org/a.png",
            "https://web.archive.org/web/2020/http://example.org/", "/web/20171124151315/mailto:birds@fws.gov"}) {
            assertTrue(LinkRestorer.mayBeRewritten(rewritten), rewritten);
        }
        for (String plain : new String[] {"/about", "https://example.org/page/2", "https://example.org/2020/", "#top", ""}) {
            assertFalse(LinkRestorer.mayBeRewritten(plain), plain);
        }
    }

    private static final HttpUrl REPLAY = HttpUrl.get("https://web.archive.org/web/20171124151315/https://www.fws.gov/birds/");

    private static Optional<String> resolved(String link, HttpUrl base) {
        HttpUrl url = base == null ? HttpUrl.parse(link) : base.resolve(link);
        return url == null ? Optional.empty() : WaybackUrl.originalOf(url);
    }

    @Test
    void aLinkResolvingLeavesAsItIsIsReadWithoutResolvingToTheSameOriginal() {
        for (String link : new String[] {"/web/20171124151315im_/https://www.fws.gov/images/logo.png",
            "https://web.archive.org/web/20171124151315/https://www.fws.gov/birds/?page=2&sort=name#top",
            "//web.archive.org/web/20171124151315/https://www.fws.gov/", "/web/20171124151315/mailto:birds@fws.gov",
            "/web/2017/https:/www.fws.gov/merged-slashes", "/web/2017/https://www.fws.gov/a?", "/web/2017/https://www.fws.gov/a#",
            "/web/2017/https://www.fws.gov/.well-known/x", "/web/2017/https://www.fws.gov/archive/2017/", "/web/2017/ftp://x.org/"}) {
            Optional<String> read = LinkRestorer.readOriginal(link, REPLAY);
            assertNotNull(read, link);
            assertEquals(resolved(link, REPLAY), read, link);
        }
        assertEquals(Optional.of("https://www.fws.gov/birds/?page=2&sort=name#top"), LinkRestorer.readOriginal(
                "https://web.archive.org/web/20171124151315/https://www.fws.gov/birds/?page=2&sort=name#top", REPLAY));
        assertEquals(Optional.of("https://www.fws.gov/merged-slashes"),
                LinkRestorer.readOriginal("/web/2017/https:/www.fws.gov/merged-slashes", REPLAY));
    }

    @Test
    void aLinkResolvingWouldChangeIsResolved() {
        for (String link : new String[] {"/web/2017/https://www.fws.gov/a/./b", "/web/2017/https://www.fws.gov/a/../b",
            "/web/2017/https://www.fws.gov/a/.", "/web/2017/https://www.fws.gov/a b", "/web/2017/https://www.fws.gov/caf\u00e9",
            "/web/2017/https://www.fws.gov/%7Euser", "/web/2017/https://www.fws.gov/a#b#c", "/web/2017/https://www.fws.gov/it's",
            "HTTPS://web.archive.org/web/2017/https://www.fws.gov/", "https://web.archive.org:443/web/2017/https://www.fws.gov/",
            "web/2017/https://www.fws.gov/", "/web/2017/https://www.fws.gov/a\\b"}) {
            assertNull(LinkRestorer.readOriginal(link, REPLAY), link);
        }
        // a link without a scheme names nothing without a base
        assertNull(LinkRestorer.readOriginal("/web/2017/https://www.fws.gov/", null));
        assertEquals(Optional.of("https://www.fws.gov/"),
                LinkRestorer.readOriginal("https://web.archive.org/web/2017/https://www.fws.gov/", null));
    }
}
