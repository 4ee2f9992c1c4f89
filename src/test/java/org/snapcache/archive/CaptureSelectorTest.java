package org.snapcache.archive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.Fixtures;
import org.snapcache.cache.CacheStore;
import org.snapcache.cache.CachedEntry;
import org.snapcache.cache.EntryMeta;
import org.snapcache.config.ArchiveMode;
import org.snapcache.config.ArchiveSettings;
import org.snapcache.config.HttpSettings;
import org.snapcache.config.Resource;
import org.snapcache.extract.ContentExtractor;
import org.snapcache.extract.PreviewCutter;
import org.snapcache.fetch.HostHealth;
import org.snapcache.fetch.HostRateLimiter;
import org.snapcache.fetch.HttpClientFactory;
import org.snapcache.fetch.Sleeper;
import org.snapcache.pipeline.RefreshOutcome;
import org.snapcache.pipeline.ResourceRefresher;

/** Which capture a preview is made from, on the real recorded responses: each refusal named, and the better capture chosen. */
class CaptureSelectorTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-09T12:00:00Z"), ZoneOffset.UTC);
    static final String NOW = "20260409120000";
    static final String FAQS = "https://www.whitehouse.gov/ostp/about/student/faqs";
    static final String OLD_FAQS = "https://www.whitehouse.gov/administration/eop/ostp/about/student/faqs";

    @TempDir
    Path dir;

    String base() {
        return archive.baseUrl() + "/web/";
    }

    ResourceRefresher refresher(Path cache, ArchiveSettings archives, boolean liveFallback) {
        HttpSettings http = new HttpSettings("snapcache-test", Duration.ofSeconds(5), 1, 10_000, 0, 1 << 20, Duration.ofSeconds(1));
        OkHttpClient client = HttpClientFactory.create(http, new HostRateLimiter(10_000, System::nanoTime, Sleeper.SYSTEM),
                new HostHealth(), d -> { }, Duration.ofMillis(1), CLOCK);
        CaptureSelector selector = new CaptureSelector(new ArchiveFetcher(client, archives.mode(), 1 << 20), new CdxClient(client),
                liveFallback ? Optional.of(new LiveFetcher(client, 1 << 20, CLOCK)) : Optional.empty(), archives, CLOCK);
        return new ResourceRefresher(selector, new ContentExtractor(), new PreviewCutter(3000), new CacheStore(cache), CLOCK);
    }

    ResourceRefresher raw() {
        return refresher(dir, ArchiveSettings.of(base(), ArchiveMode.RAW), false);
    }

    ResourceRefresher playback() {
        return refresher(dir, ArchiveSettings.of(base(), ArchiveMode.PLAYBACK), false);
    }

    CachedEntry entry(String url) throws Exception {
        return new CacheStore(dir).read(Resource.of(url).id()).orElseThrow();
    }

    void assertFailsWithoutPreview(ResourceRefresher refresher, String url, String lastError) throws Exception {
        RefreshOutcome outcome = refresher.refresh(Resource.of(url));
        assertEquals(RefreshOutcome.Status.FAILED, outcome.status(), outcome.toString());
        assertEquals(lastError, entry(url).meta().lastError());
        assertFalse(Files.exists(dir.resolve(Resource.of(url).id()).resolve("preview.txt")));
    }

    static void noCdxCaptures(String url) {
        archive.stubFor(get(urlPathEqualTo("/cdx/search/cdx")).withQueryParam("url", equalTo(url))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
    }

    @Test
    void theRedirectInterstitialIsFollowedNeverStored() throws Exception {
        archive.stubFor(get("/web/" + NOW + "/" + OLD_FAQS).willReturn(Fixtures.recorded("ia-view-redirect-interstitial-whitehouse.html")));
        archive.stubFor(get("/web/20201027215555/" + FAQS).willReturn(Fixtures.recorded("ia-wayback-404-not-archived.html")));

        assertFailsWithoutPreview(playback(), OLD_FAQS, "redirect interstitial (Got an HTTP 301 response at crawl time) to "
                + archive.baseUrl() + "/web/20201027215555/" + FAQS + ": not archived: localhost has no capture of " + OLD_FAQS);
    }

    @Test
    void theInterstitialLeadsToTheCaptureItNames() throws Exception {
        archive.stubFor(get("/web/" + NOW + "/" + OLD_FAQS).willReturn(Fixtures.recorded("ia-view-redirect-interstitial-whitehouse.html")));
        archive.stubFor(get("/web/20201027215555/" + FAQS).willReturn(Fixtures.recorded("ia-view-404-whitehouse-faqs.html")));
        noCdxCaptures(OLD_FAQS);

        assertTrue(playback().refresh(Resource.of(OLD_FAQS)).succeeded());

        assertEquals(404, entry(OLD_FAQS).meta().httpStatus());
        assertTrue(entry(OLD_FAQS).preview().orElseThrow().startsWith("404 - Page Not Found"));
    }

    @Test
    void neverArchivedSaysSo() throws Exception {
        String url = "https://this-is-not-real-url.whatever/";
        archive.stubFor(get("/web/" + NOW + "id_/" + url).willReturn(Fixtures.recorded("ia-wayback-404-not-archived.html")));

        assertFailsWithoutPreview(raw(), url, "not archived: localhost has no capture of " + url);
    }

    @Test
    void excludedSaysSo() throws Exception {
        String url = "https://excluded.example/";
        archive.stubFor(get("/web/" + NOW + "id_/" + url).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body><p>Sorry.</p><p>This URL has been excluded from the Wayback Machine.</p></body></html>")));

        assertFailsWithoutPreview(raw(), url, "excluded: localhost does not serve " + url + " (it has been excluded from the archive)");
    }

    @Test
    void blockedSaysSo() throws Exception {
        String url = "https://blocked.example/";
        archive.stubFor(get("/web/" + NOW + "id_/" + url).willReturn(aResponse().withStatus(403)
                .withHeader("X-Archive-Wayback-Runtime-Error", "AdministrativeAccessControlException: Blocked Site Error")
                .withHeader("Content-Type", "text/html").withBody("<p>Blocked</p>")));

        assertFailsWithoutPreview(raw(), url, "blocked: localhost refuses to serve " + url
                + " (AdministrativeAccessControlException: Blocked Site Error)");
    }

    @Test
    void aRedirectLoopSaysSo() throws Exception {
        String url = "http://loop.example/";
        archive.stubFor(get("/web/" + NOW + "id_/" + url).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/web/20200101000000id_/" + url)));
        archive.stubFor(get("/web/20200101000000id_/" + url).willReturn(aResponse().withStatus(302)
                .withHeader("Memento-Datetime", "Wed, 01 Jan 2020 00:00:00 GMT")
                .withHeader("Location", "/web/" + NOW + "id_/" + url)));
        noCdxCaptures(url);

        assertFailsWithoutPreview(raw(), url, "captured redirect (HTTP 302 at crawl time) to /web/" + NOW + "id_/" + url
                + ": redirect loop at " + archive.baseUrl() + "/web/" + NOW + "id_/" + url);
    }

    static ResponseDefinitionBuilder cdx(String... rows) {
        StringBuilder json = new StringBuilder("[[\"timestamp\",\"original\",\"mimetype\",\"statuscode\",\"length\"]");
        for (String row : rows) {
            json.append(",\n").append(row);
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json.append("]").toString());
    }

    @Test
    void aCaptured404NearestIsReplacedByTheNearest200AndTheChoiceIsNoted() throws Exception {
        archive.stubFor(get("/web/" + NOW + "id_/" + FAQS).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/web/20201027220743id_/" + FAQS)));
        archive.stubFor(get("/web/20201027220743id_/" + FAQS).willReturn(Fixtures.recorded("ia-id-404-whitehouse-faqs.html")));
        archive.stubFor(get(urlPathEqualTo("/cdx/search/cdx")).withQueryParam("url", equalTo(FAQS))
                .withQueryParam("filter", equalTo("statuscode:200")).withQueryParam("closest", equalTo(NOW))
                .willReturn(cdx("[\"20200926101500\",\"" + FAQS + "\",\"text/html\",\"200\",\"9120\"]",
                        "[\"20170101000000\",\"" + FAQS + "\",\"text/html\",\"200\",\"9001\"]")));
        archive.stubFor(get("/web/20200926101500id_/" + FAQS).willReturn(aResponse().withStatus(200)
                .withHeader("Memento-Datetime", "Sat, 26 Sep 2020 10:15:00 GMT").withHeader("Content-Type", "text/html")
                .withBody("<title>Student Volunteer FAQs</title><h1>Frequently asked questions</h1><p>Who can apply?</p>")));

        assertTrue(raw().refresh(Resource.of(FAQS)).succeeded());

        EntryMeta meta = entry(FAQS).meta();
        assertEquals(200, meta.httpStatus());
        assertEquals("20200926101500", meta.captureTimestamp());
        assertEquals(NOW, meta.requestedTimestamp());
        assertEquals("nearest capture 20201027220743 was HTTP 404; used the nearest HTTP 200 capture, 20200926101500",
                meta.captureNote());
        assertTrue(entry(FAQS).preview().orElseThrow().startsWith("Frequently asked questions"));
    }

    @Test
    void aPinnedCaptureIsKeptEvenWhenItIsAnError() throws Exception {
        archive.stubFor(get("/web/20201027220743id_/" + FAQS).willReturn(Fixtures.recorded("ia-id-404-whitehouse-faqs.html")));
        Resource pinned = Resource.of(FAQS).pinnedAt("20201027220743");

        assertTrue(raw().refresh(pinned).succeeded());

        assertEquals(404, entry(FAQS).meta().httpStatus());
        assertNull(entry(FAQS).meta().captureNote());
        assertEquals("20201027220743", entry(FAQS).meta().requestedTimestamp());
    }

    @Test
    void playbackAndRawGiveTheSamePreviewOfTheSameCapture() throws Exception {
        archive.stubFor(get("/web/20201027220743id_/" + FAQS).willReturn(Fixtures.recorded("ia-id-404-whitehouse-faqs.html")));
        archive.stubFor(get("/web/20201027220743/" + FAQS).willReturn(Fixtures.recorded("ia-view-404-whitehouse-faqs.html")));
        Resource pinned = Resource.of(FAQS).pinnedAt("20201027220743");
        Path rawCache = dir.resolve("raw");
        Path playbackCache = dir.resolve("playback");

        refresher(rawCache, ArchiveSettings.of(base(), ArchiveMode.RAW), false).refresh(pinned);
        refresher(playbackCache, ArchiveSettings.of(base(), ArchiveMode.PLAYBACK), false).refresh(pinned);

        CachedEntry fromRaw = new CacheStore(rawCache).read(pinned.id()).orElseThrow();
        CachedEntry fromPlayback = new CacheStore(playbackCache).read(pinned.id()).orElseThrow();
        assertEquals(fromRaw.preview(), fromPlayback.preview());
        assertEquals(fromRaw.meta().title(), fromPlayback.meta().title());
        assertEquals(fromRaw.meta().contentHash(), fromPlayback.meta().contentHash());
    }

    @Test
    void aFramedPywbReplayIsReadThroughItsContentFrame() throws Exception {
        String url = "https://www.gov.uk/guidance";
        archive.stubFor(get("/web/" + NOW + "/" + url).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body><script>var cframe = new ContentFrame({url: \"" + url + "\"});</script>"
                        + "<iframe id=\"replay_iframe\"></iframe></body></html>")));
        archive.stubFor(get("/web/" + NOW + "mp_/" + url).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withHeader("Memento-Datetime", "Thu, 09 Apr 2026 10:00:00 GMT")
                .withBody("<head><!-- WB Insert --><script>wbinfo = {};</script><!-- End WB Insert --><title>Guidance</title></head>"
                        + "<body><p>The guidance itself.</p></body>")));

        assertTrue(playback().refresh(Resource.of(url)).succeeded());

        assertEquals(Optional.of("The guidance itself."), entry(url).preview());
        assertTrue(entry(url).meta().archiveUrl().endsWith(NOW + "mp_/" + url));
    }

    @Test
    void theNextArchiveIsAskedWhenTheFirstHasNothing() throws Exception {
        String url = "https://www.gov.uk/government/publications/frontier-ai";
        archive.stubFor(get("/web/" + NOW + "id_/" + url).willReturn(Fixtures.recorded("ia-wayback-404-not-archived.html")));
        String second = archive.baseUrl() + "/wayback/archive/";
        archive.stubFor(get("/wayback/archive/" + NOW + "id_/" + url).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/wayback/archive/20240102030405id_/" + url)));
        archive.stubFor(get("/wayback/archive/20240102030405id_/" + url).willReturn(aResponse().withStatus(200)
                .withHeader("Memento-Datetime", "Tue, 02 Jan 2024 03:04:05 GMT").withHeader("Content-Type", "text/html")
                .withBody("<title>Frontier AI</title><p>A discussion paper.</p>")));
        ArchiveSettings two = new ArchiveSettings(List.of(base(), second), ArchiveMode.RAW, true);

        assertTrue(refresher(dir, two, false).refresh(Resource.of(url)).succeeded());

        EntryMeta meta = entry(url).meta();
        assertEquals(second + "20240102030405id_/" + url, meta.archiveUrl());
        assertEquals("20240102030405", meta.captureTimestamp());
        assertEquals("archive", meta.source());
    }

    @Test
    void whenNoArchiveHasItTheFailureNamesEach() throws Exception {
        String url = "https://nowhere.example/";
        archive.stubFor(get("/web/" + NOW + "id_/" + url).willReturn(Fixtures.recorded("ia-wayback-404-not-archived.html")));
        archive.stubFor(get("/wayback/archive/" + NOW + "id_/" + url).willReturn(aResponse().withStatus(404)));
        ArchiveSettings two = new ArchiveSettings(List.of(base(), archive.baseUrl() + "/wayback/archive/"), ArchiveMode.RAW, true);

        assertFailsWithoutPreview(refresher(dir, two, false), url, "not archived: localhost has no capture of " + url
                + "; not archived: localhost has no capture of " + url);
    }

    @Test
    void liveFallbackReadsTheSiteWithItsRealStatus() throws Exception {
        String url = archive.baseUrl() + "/live/page";
        archive.stubFor(get("/web/" + NOW + "id_/" + url).willReturn(Fixtures.recorded("ia-wayback-404-not-archived.html")));
        archive.stubFor(get("/live/page").willReturn(aResponse().withStatus(301).withHeader("Location", "/live/moved")));
        archive.stubFor(get("/live/moved").willReturn(aResponse().withStatus(410).withHeader("Content-Type", "text/html")
                .withBody("<title>Gone</title><p>This page was removed.</p>")));

        assertTrue(refresher(dir, ArchiveSettings.of(base(), ArchiveMode.RAW), true).refresh(Resource.of(url)).succeeded());

        EntryMeta meta = entry(url).meta();
        assertEquals("live", meta.source());
        assertEquals(410, meta.httpStatus());
        assertEquals(archive.baseUrl() + "/live/moved", meta.archiveUrl());
        assertEquals(NOW, meta.captureTimestamp());
        assertTrue(meta.captureNote().startsWith("no archive had a usable capture (not archived: "), meta.captureNote());
        assertEquals(Optional.of("This page was removed."), entry(url).preview());
    }

    @Test
    void withoutLiveFallbackTheSiteIsNeverAsked() throws Exception {
        String url = archive.baseUrl() + "/live/other";
        archive.stubFor(get("/web/" + NOW + "id_/" + url).willReturn(Fixtures.recorded("ia-wayback-404-not-archived.html")));

        raw().refresh(Resource.of(url));

        archive.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/live/other")));
    }
}
