package org.snapcache.archive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.snapcache.Fixtures;
import org.snapcache.config.ArchiveMode;
import org.snapcache.config.ArchiveSettings;
import org.snapcache.config.HttpSettings;
import org.snapcache.config.Resource;
import org.snapcache.fetch.HostHealth;
import org.snapcache.fetch.HostRateLimiter;
import org.snapcache.fetch.HttpClientFactory;
import org.snapcache.fetch.Sleeper;

class ArchiveFetcherTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String FAQS = "https://www.whitehouse.gov/ostp/about/student/faqs";
    static final Clock NOW = Clock.fixed(Instant.parse("2026-04-09T12:00:00Z"), ZoneOffset.UTC);

    final List<Duration> pauses = new ArrayList<>();

    CaptureSelector fetcher(int retries) {
        return fetcher(retries, Duration.ofSeconds(5));
    }

    /** One archive, captures taken as they come (no CDX substitution), no live fallback. */
    CaptureSelector fetcher(int retries, Duration timeout) {
        return fetcher(retries, timeout, ArchiveMode.RAW);
    }

    CaptureSelector fetcher(int retries, Duration timeout, ArchiveMode mode) {
        HttpSettings http = new HttpSettings("snapcache-test", timeout, 2, 10_000, retries, 1 << 20, Duration.ofSeconds(60));
        OkHttpClient client = HttpClientFactory.create(http, new HostRateLimiter(10_000, System::nanoTime, Sleeper.SYSTEM),
                new HostHealth(), pauses::add, Duration.ofSeconds(1), NOW);
        return new CaptureSelector(new ArchiveFetcher(client, mode, 1 << 20), new CdxClient(client), Optional.empty(),
                new ArchiveSettings(List.of(archive.baseUrl() + "/web/"), mode, false), NOW);
    }

    @Test
    void followsPathOnlyRedirectToNearestCapture() throws Exception {
        archive.stubFor(get("/web/20260409120000id_/" + FAQS).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/web/20201027220743id_/" + FAQS)));
        archive.stubFor(get("/web/20201027220743id_/" + FAQS).willReturn(Fixtures.recorded("ia-id-404-whitehouse-faqs.html")));

        Capture capture = fetcher(0).select(Resource.of(FAQS));

        assertEquals("20201027220743", capture.captureTimestamp());
        assertEquals(404, capture.httpStatus(), "a captured 404 is the page's real status");
        assertEquals(archive.baseUrl() + "/web/20201027220743id_/" + FAQS, capture.archiveUrl());
        assertEquals("text/html", capture.mediaType());
        assertEquals(Optional.of("UTF-8"), capture.charset());
        assertEquals(39063, capture.body().length);
    }

    @Test
    void followsSchemeRelativeAndAbsoluteRedirects() throws Exception {
        String host = archive.baseUrl().replaceFirst("^http:", "");
        archive.stubFor(get("/web/20260409120000id_/" + FAQS).willReturn(aResponse().withStatus(302)
                .withHeader("Location", host + "/web/20201027000000id_/" + FAQS)));
        archive.stubFor(get("/web/20201027000000id_/" + FAQS).willReturn(aResponse().withStatus(302)
                .withHeader("Location", archive.baseUrl() + "/web/20201027220743id_/" + FAQS)));
        archive.stubFor(get("/web/20201027220743id_/" + FAQS).willReturn(Fixtures.recorded("ia-id-404-whitehouse-faqs.html")));

        Capture capture = fetcher(0).select(Resource.of(FAQS));

        assertEquals("20201027220743", capture.captureTimestamp());
        assertEquals(archive.baseUrl() + "/web/20201027220743id_/" + FAQS, capture.archiveUrl());
    }

    @Test
    void asksForThePinnedCaptureWhenArchivedAtIsGiven() throws Exception {
        Resource pinned = new Resource("faqs", FAQS, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("20201027220743"), "test");
        archive.stubFor(get("/web/20201027220743id_/" + FAQS).willReturn(Fixtures.recorded("ia-id-404-whitehouse-faqs.html")));

        fetcher(0).select(pinned);

        archive.verify(1, getRequestedFor(urlEqualTo("/web/20201027220743id_/" + FAQS)));
    }

    @Test
    void neverArchivedUrlIsNotArchived() {
        String url = "https://this-is-not-real-url.whatever/";
        archive.stubFor(get("/web/20260409120000id_/" + url).willReturn(Fixtures.recorded("ia-wayback-404-not-archived.html")));

        ArchiveException e = assertThrows(ArchiveException.class, () -> fetcher(3).select(Resource.of(url)));

        assertEquals(ArchiveException.Kind.NOT_ARCHIVED, e.kind());
        assertTrue(e.getMessage().startsWith("not archived"), e.getMessage());
        archive.verify(1, getRequestedFor(urlEqualTo("/web/20260409120000id_/" + url)));
    }

    @Test
    void retriesArchiveServerErrorThenSucceeds() throws Exception {
        String url = "http://www.nasa.gov/";
        archive.stubFor(get("/web/20260409120000id_/" + url).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        archive.stubFor(get("/web/20260409120000id_/" + url).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(Fixtures.recorded("ia-id-200-nasa-1996capture-2026fetch.html")));

        Capture capture = fetcher(3).select(Resource.of(url));

        assertEquals(200, capture.httpStatus());
        assertEquals("19961231235847", capture.captureTimestamp(), "from Memento-Datetime");
        assertEquals(1, pauses.size(), "one backoff pause before the retry");
        archive.verify(2, getRequestedFor(urlEqualTo("/web/20260409120000id_/" + url)));
    }

    @Test
    void retriesATimeout() throws Exception {
        String url = "http://www.nasa.gov/";
        archive.stubFor(get("/web/20260409120000id_/" + url).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_000).withBody("late")).willSetStateTo("quick"));
        archive.stubFor(get("/web/20260409120000id_/" + url).inScenario("slow").whenScenarioStateIs("quick")
                .willReturn(Fixtures.recorded("ia-id-200-nasa-1996capture-2026fetch.html")));

        Capture capture = fetcher(1, Duration.ofMillis(300)).select(Resource.of(url));

        assertEquals(200, capture.httpStatus());
        assertEquals(1, pauses.size(), "the timeout was retried once");
    }

    @Test
    void connectionFailuresAreRetriedThenReported() {
        OkHttpClient client = HttpClientFactory.create(
                new HttpSettings("snapcache-test", Duration.ofSeconds(2), 1, 10_000, 2, 1 << 20, Duration.ofSeconds(60)),
                new HostRateLimiter(10_000, System::nanoTime, Sleeper.SYSTEM), new HostHealth(), pauses::add,
                Duration.ofSeconds(1), NOW);
        CaptureSelector unreachable = new CaptureSelector(new ArchiveFetcher(client, ArchiveMode.RAW, 1 << 20),
                new CdxClient(client), Optional.empty(), ArchiveSettings.of("http://127.0.0.1:1/web/", ArchiveMode.RAW), NOW);

        ArchiveException e = assertThrows(ArchiveException.class, () -> unreachable.select(Resource.of("http://www.nasa.gov/")));

        assertTrue(e.getMessage().startsWith("connection failed ("), e.getMessage());
        assertTrue(e.getMessage().endsWith(" after 3 tries"), e.getMessage());
        assertEquals(2, pauses.size());
    }

    @Test
    void givesUpAfterRetriesWithTheCountInTheMessage() {
        String url = "http://www.nasa.gov/";
        archive.stubFor(get("/web/20260409120000id_/" + url).willReturn(aResponse().withStatus(503)));

        ArchiveException e = assertThrows(ArchiveException.class, () -> fetcher(3).select(Resource.of(url)));

        assertEquals("archive answered 503 after 4 tries", e.getMessage());
        assertEquals(3, pauses.size());
        assertTrue(pauses.get(2).compareTo(pauses.get(0)) > 0, "backoff grows: " + pauses);
    }

    @Test
    void capturedServerErrorIsContentNotRetried() throws Exception {
        String url = "http://example.org/broken";
        archive.stubFor(get("/web/20260409120000id_/" + url).willReturn(aResponse().withStatus(500)
                .withHeader("Memento-Datetime", "Tue, 27 Oct 2020 22:07:43 GMT")
                .withHeader("Content-Type", "text/html").withBody("<p>Internal error</p>")));

        Capture capture = fetcher(3).select(Resource.of(url));

        assertEquals(500, capture.httpStatus());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void detectsRedirectLoops() {
        String url = "http://example.org/loop";
        archive.stubFor(get("/web/20260409120000id_/" + url).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/web/20200101000000id_/" + url)));
        archive.stubFor(get("/web/20200101000000id_/" + url).willReturn(aResponse().withStatus(301)
                .withHeader("Memento-Datetime", "Wed, 01 Jan 2020 00:00:00 GMT")
                .withHeader("Location", "/web/20260409120000id_/" + url)));

        ArchiveException e = assertThrows(ArchiveException.class, () -> fetcher(0).select(Resource.of(url)));

        assertEquals(ArchiveException.Kind.REDIRECT, e.kind());
        assertTrue(e.getMessage().startsWith("captured redirect (HTTP 301 at crawl time) to /web/20260409120000id_/" + url
                + ": redirect loop at "), e.getMessage());
    }

    @Test
    void capturedRedirectToTheLiveSiteIsReadFromTheArchive() throws Exception {
        String url = "http://example.org/old";
        archive.stubFor(get("/web/20260409120000id_/" + url).willReturn(aResponse().withStatus(301)
                .withHeader("Memento-Datetime", "Wed, 01 Jan 2020 00:00:00 GMT")
                .withHeader("Location", "http://example.org/new")));
        archive.stubFor(get("/web/20200101000000id_/http://example.org/new").willReturn(aResponse().withStatus(200)
                .withHeader("Memento-Datetime", "Wed, 01 Jan 2020 00:00:05 GMT")
                .withHeader("Content-Type", "text/plain").withBody("moved here")));

        Capture capture = fetcher(0).select(Resource.of(url));

        assertEquals("20200101000005", capture.captureTimestamp());
        assertEquals("moved here", new String(capture.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void sendsTheConfiguredUserAgent() throws Exception {
        String url = "http://www.nasa.gov/";
        archive.stubFor(get("/web/20260409120000id_/" + url).willReturn(Fixtures.recorded("ia-id-200-nasa-1996capture-2026fetch.html")));

        fetcher(0).select(Resource.of(url));

        archive.verify(getRequestedFor(urlEqualTo("/web/20260409120000id_/" + url))
                .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.equalTo("snapcache-test")));
    }

    @Test
    void anExcludedUrlAnsweredWith200IsTheFailureExcludedInRawAndPlaybackMode() {
        String url = "https://excluded.example/page";
        archive.stubFor(get("/web/20260409120000id_/" + url).willReturn(Fixtures.excludedPage()));
        archive.stubFor(get("/web/20260409120000/" + url).willReturn(Fixtures.excludedPage()));

        for (ArchiveMode mode : ArchiveMode.values()) {
            ArchiveException e = assertThrows(ArchiveException.class,
                    () -> fetcher(0, Duration.ofSeconds(5), mode).select(Resource.of(url)), mode.toString());

            assertEquals(ArchiveException.Kind.EXCLUDED, e.kind(), mode + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith("excluded: localhost does not serve " + url), e.getMessage());
        }
    }

    @Test
    void anyOtherAnswerWithoutMementoDatetimeIsNotACapture() {
        String url = "https://maintenance.example/";
        archive.stubFor(get("/web/20260409120000id_/" + url).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<title>Wayback Machine</title><p>We are down for maintenance.</p>")));

        ArchiveException e = assertThrows(ArchiveException.class, () -> fetcher(0).select(Resource.of(url)));

        assertEquals(ArchiveException.Kind.ARCHIVE_ERROR, e.kind());
        assertTrue(e.getMessage().startsWith("not a capture: localhost answered HTTP 200 without Memento-Datetime"), e.getMessage());
    }

    @Test
    void asksTheArchiveForTheUrlAsABrowserWouldSendIt() throws Exception {
        String written = "https://scholar.example/scholar?q=\"Epoch+AI\"+compute|trends";
        archive.stubFor(get("/web/20260409120000id_/https://scholar.example/scholar?q=%22Epoch+AI%22+compute%7Ctrends")
                .willReturn(aResponse().withStatus(200).withHeader("Memento-Datetime", "Wed, 01 Jan 2020 00:00:00 GMT")
                        .withHeader("Content-Type", "text/plain").withBody("results")));

        Capture capture = fetcher(0).select(Resource.of(written));

        assertEquals("20200101000000", capture.captureTimestamp());
    }
}
