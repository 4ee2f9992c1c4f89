package org.snapcache.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.Fixtures;
import org.snapcache.archive.ArchiveFetcher;
import org.snapcache.archive.CaptureSelector;
import org.snapcache.archive.CdxClient;
import org.snapcache.cache.CacheStore;
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

/** What the archive can do wrong, and what each leaves in the cache: a recorded failure, never a crash. */
class ResourceRefresherFaultTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort().gzipDisabled(true))
            .build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-09T12:00:00Z"), ZoneOffset.UTC);
    static final String TS = "20260409120000";

    @TempDir
    Path dir;

    /** Virtual time: every wait (backoff, rate limit, 429 pause) is recorded and advances it, at once. */
    final AtomicLong virtualNanos = new AtomicLong();
    final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    final Sleeper sleeper = duration -> {
        pauses.add(duration);
        virtualNanos.addAndGet(duration.toNanos());
    };
    HostHealth health = new HostHealth();
    /** The limiter's waits advance time too; its pacing (60 ms between requests) is not one of the pauses counted. */
    final HostRateLimiter limiter = new HostRateLimiter(1000, virtualNanos::get, duration -> {
        if (duration.compareTo(Duration.ofSeconds(1)) >= 0) {
            pauses.add(duration);
        }
        virtualNanos.addAndGet(duration.toNanos());
    });

    CacheStore store() {
        return new CacheStore(dir);
    }

    ResourceRefresher refresher(String base, int retries, Duration timeout, long maxBody) {
        HttpSettings http = new HttpSettings("snapcache-test", timeout, 1, 1000, retries, maxBody, Duration.ofSeconds(60));
        OkHttpClient client = HttpClientFactory.create(http, limiter, health, sleeper, Duration.ofSeconds(1), CLOCK);
        CaptureSelector fetcher = new CaptureSelector(new ArchiveFetcher(client, ArchiveMode.RAW, maxBody), new CdxClient(client),
                Optional.empty(), new ArchiveSettings(List.of(base), ArchiveMode.RAW, false), CLOCK);
        return new ResourceRefresher(fetcher, new ContentExtractor(), new PreviewCutter(300), store(), CLOCK);
    }

    ResourceRefresher refresher(int retries) {
        return refresher(httpBase() + "/web/", retries, Duration.ofSeconds(5), 1 << 20);
    }

    static void serve(String url, ResponseDefinitionBuilder response) {
        archive.stubFor(get("/web/" + TS + "id_/" + url).willReturn(response));
    }

    static ResponseDefinitionBuilder page(String html) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("Memento-Datetime", "Thu, 09 Apr 2026 11:00:00 GMT").withBody(html);
    }

    EntryMeta meta(String url) throws Exception {
        return store().read(Resource.of(url).id()).orElseThrow().meta();
    }

    RefreshOutcome failsWith(ResourceRefresher refresher, String url, String errorStart) throws Exception {
        RefreshOutcome outcome = refresher.refresh(Resource.of(url));
        assertEquals(RefreshOutcome.Status.FAILED, outcome.status(), outcome.toString());
        assertTrue(outcome.error().orElse("").startsWith(errorStart), outcome.error().orElse(""));
        assertEquals(outcome.error().orElse(""), meta(url).lastError());
        assertEquals(1, meta(url).consecutiveFailures());
        return outcome;
    }

    @Test
    void everyConnectionFaultIsARecordedFailureAfterRetries() throws Exception {
        Fault[] faults = {Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE, Fault.MALFORMED_RESPONSE_CHUNK,
            Fault.RANDOM_DATA_THEN_CLOSE};
        for (Fault fault : faults) {
            String url = "http://faulty.example/" + fault.name();
            serve(url, aResponse().withFault(fault));
            pauses.clear();
            health = new HostHealth(); // else the fifth failure in a row would rightly count the stub as down

            failsWith(refresher(2), url, "");
            assertEquals(2, pauses.size(), fault + " retried twice");
        }
    }

    @Test
    void aResetThenAnAnswerSucceeds() throws Exception {
        String url = "http://flaky.example/";
        archive.stubFor(get("/web/" + TS + "id_/" + url).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        archive.stubFor(get("/web/" + TS + "id_/" + url).inScenario("reset").whenScenarioStateIs("up")
                .willReturn(page("<p>back</p>")));

        RefreshOutcome outcome = refresher(3).refresh(Resource.of(url));

        assertTrue(outcome.succeeded(), outcome.toString());
        assertEquals(Optional.of("back"), store().read(Resource.of(url).id()).orElseThrow().preview());
    }

    @Test
    void aSlowAnswerTimesOut() throws Exception {
        String url = "http://slow.example/";
        serve(url, page("<p>late</p>").withFixedDelay(1500));

        failsWith(refresher(httpBase() + "/web/", 0, Duration.ofMillis(300), 1 << 20), url, "");
    }

    @Test
    void aServerDribblingItsBodyIsCutOffByTheWholeCallTimeout() throws Exception {
        String url = "http://dribble.example/";
        serve(url, page("<p>" + "x".repeat(3000) + "</p>").withChunkedDribbleDelay(40, 4000));
        long started = System.nanoTime();

        failsWith(refresher(httpBase() + "/web/", 0, Duration.ofMillis(400), 1 << 20), url, "");

        assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos(), "cut off well before the 4 s dribble ends");
    }

    @Test
    void aGzipBombStopsAtTheLimitOnTheDecompressedSize() throws Exception {
        String url = "http://bomb.example/";
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                gzip.write(zeros);
            }
        }
        assertTrue(gzipped.size() < 1 << 20, "the compressed bomb is small: " + gzipped.size());
        serve(url, aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                .withHeader("Content-Encoding", "gzip").withBody(gzipped.toByteArray()));

        failsWith(refresher(httpBase() + "/web/", 0, Duration.ofSeconds(5), 1 << 20), url, "response larger than 1048576 bytes");
    }

    @Test
    void aFiftyMegabyteBodyIsRefused() throws Exception {
        String url = "http://huge.example/";
        serve(url, aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(new byte[50 << 20]));

        failsWith(refresher(httpBase() + "/web/", 0, Duration.ofSeconds(10), 10 << 20), url, "response larger than 10485760 bytes");
    }

    @Test
    void a429WithRetryAfterHoldsOffForThatLongAndHalvesTheRate() throws Exception {
        String url = "http://limited.example/";
        archive.stubFor(get("/web/" + TS + "id_/" + url).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        archive.stubFor(get("/web/" + TS + "id_/" + url).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(page("<p>after the pause</p>")));

        RefreshOutcome outcome = refresher(0).refresh(Resource.of(url));

        assertTrue(outcome.succeeded(), outcome.toString());
        assertTrue(pauses.contains(Duration.ofSeconds(7)), pauses.toString());
        assertEquals(500, limiter.budget(hostOf(httpBase())), "the rate is halved for the rest of the run");
    }

    @Test
    void a429WithoutRetryAfterWaitsTheConfiguredPause() throws Exception {
        String url = "http://limited.example/plain";
        archive.stubFor(get("/web/" + TS + "id_/" + url).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("ok"));
        archive.stubFor(get("/web/" + TS + "id_/" + url).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(page("<p>after the pause</p>")));

        assertTrue(refresher(0).refresh(Resource.of(url)).succeeded());

        long waited = pauses.stream().mapToLong(Duration::toMillis).sum();
        assertTrue(waited >= 60_000, "waited " + waited + " ms");
    }

    @Test
    void threeRateLimitsInARowLeaveTheHostAloneAndDeferItsResources() throws Exception {
        String url = "http://limited.example/always";
        serve(url, aResponse().withStatus(429));
        ResourceRefresher refresher = refresher(3);

        RefreshOutcome first = refresher.refresh(Resource.of(url));
        int requests = archive.getAllServeEvents().size();
        RefreshOutcome second = refresher.refresh(Resource.of("http://limited.example/other"));

        assertEquals(RefreshOutcome.Status.DEFERRED, first.status());
        assertEquals(3, requests, "asked three times, then stopped");
        assertEquals(RefreshOutcome.Status.DEFERRED, second.status());
        assertEquals(3, archive.getAllServeEvents().size(), "the stopped host is not asked again");
        assertTrue(first.error().orElse("").contains("answered 429"), first.error().toString());
        assertEquals(Optional.empty(), store().read(Resource.of(url).id()), "nothing recorded against the resource");
    }

    @Test
    void aCaptured429IsContent() throws Exception {
        String url = "http://captured429.example/";
        serve(url, aResponse().withStatus(429).withHeader("Memento-Datetime", "Thu, 09 Apr 2026 11:00:00 GMT")
                .withHeader("Content-Type", "text/html").withBody("<title>Slow down</title><p>Too many requests</p>"));

        RefreshOutcome outcome = refresher(3).refresh(Resource.of(url));

        assertTrue(outcome.succeeded());
        assertEquals(429, meta(url).httpStatus());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void anArchiveThatIsDownIsLeftAloneForTheRun() throws Exception {
        ResourceRefresher refresher = refresher("http://127.0.0.1:1/web/", 3, Duration.ofSeconds(2), 1 << 20);

        List<RefreshOutcome> outcomes = new ArrayList<>();
        for (String host : List.of("a", "b", "c", "d", "e", "f")) {
            outcomes.add(refresher.refresh(Resource.of("http://" + host + ".example/")));
        }

        for (RefreshOutcome outcome : outcomes.subList(0, 4)) {
            assertEquals(RefreshOutcome.Status.FAILED, outcome.status(), "a resource's own retries count once: " + outcome);
        }
        assertEquals(RefreshOutcome.Status.DEFERRED, outcomes.get(4).status(), "the fifth resource in a row stops the host");
        assertEquals(RefreshOutcome.Status.DEFERRED, outcomes.get(5).status());
        assertTrue(outcomes.get(4).error().orElse("").contains("looks down (connection failures for 5 resources in a row"),
                outcomes.get(4).error().toString());
        assertEquals(13, pauses.size(), "three backoffs for each of the first four, one for the fifth, none after");
    }

    @Test
    void oneBrokenResourceDoesNotStopTheArchive() throws Exception {
        String cut = "http://cut.example/";
        serve(cut, aResponse().withStatus(200).withHeader("Memento-Datetime", "Thu, 09 Apr 2026 11:00:00 GMT")
                .withFault(Fault.RANDOM_DATA_THEN_CLOSE));
        ResourceRefresher refresher = refresher(3);
        for (int night = 0; night < 3; night++) {
            refresher.refresh(Resource.of(cut));
        }
        assertTrue(health.stoppedHosts().isEmpty(), "twelve broken tries of one resource: " + health.stoppedHosts());

        serve("http://fine.example/", page("<title>Fine</title><p>fine</p>"));
        assertTrue(refresher.refresh(Resource.of("http://fine.example/")).succeeded());
    }

    @Test
    void aBodyCutShortAfterItsStatusLineSaysTheArchiveIsUp() throws Exception {
        ResourceRefresher refresher = refresher(0);
        for (String host : List.of("a", "b", "c", "d", "e", "f")) {
            String url = "http://" + host + ".cut.example/";
            serve(url, aResponse().withStatus(200).withHeader("Content-Type", "text/html").withHeader("Content-Length", "100000")
                    .withHeader("Memento-Datetime", "Thu, 09 Apr 2026 11:00:00 GMT").withBody("<p>the first few bytes"));
            RefreshOutcome outcome = refresher.refresh(Resource.of(url));
            assertEquals(RefreshOutcome.Status.FAILED, outcome.status(), outcome.toString());
        }
        assertTrue(health.stoppedHosts().isEmpty(), health.stoppedHosts().toString());
    }

    @Test
    void otherClientErrorsAreNotRetried() throws Exception {
        String url = "http://forbidden.example/";
        serve(url, aResponse().withStatus(403).withHeader("X-Archive-Wayback-Runtime-Error",
                "AdministrativeAccessControlException: Blocked Site Error"));

        failsWith(refresher(3), url, "blocked: localhost refuses to serve http://forbidden.example/"
                + " (AdministrativeAccessControlException: Blocked Site Error)");
        assertTrue(pauses.isEmpty());
    }

    @Test
    void redirectsToOtherSchemesOrTooManyHopsFail() throws Exception {
        String ftp = "http://ftp.example/";
        serve(ftp, aResponse().withStatus(302).withHeader("Location", "ftp://files.example/x"));
        failsWith(refresher(0), ftp, "archive answered 302 with an unusable Location: ftp://files.example/x");

        archive.stubFor(get(urlPathMatching("/web/\\d+id_/http://chain.example/.*")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/web/" + TS + "id_/http://chain.example/{{randomValue length=8 type='ALPHANUMERIC'}}")
                .withTransformers("response-template")));
        failsWith(refresher(0), "http://chain.example/start", "more than 10 redirects");
    }

    @Test
    void emptyAndBinaryBodiesAreRecordedFailures() throws Exception {
        serve("http://empty.example/", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withHeader("Memento-Datetime", "Wed, 01 Jan 2020 00:00:00 GMT"));
        failsWith(refresher(0), "http://empty.example/", "the archive returned an empty body");

        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[10] = 0;
        serve("http://binary.example/", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withHeader("Memento-Datetime", "Wed, 01 Jan 2020 00:00:00 GMT").withBody(binary));
        failsWith(refresher(0), "http://binary.example/", "binary content labelled text/html");
    }

    @Test
    void malformedHtmlGivesABestEffortPreviewWithoutControlCharacters() throws Exception {
        String url = "http://broken.example/";
        serve(url, page("<html><body><p>Unclosed <b>bold <div>and \u001b[31mred\u0007</i></table> text"));

        RefreshOutcome outcome = refresher(0).refresh(Resource.of(url));

        assertTrue(outcome.succeeded(), outcome.toString());
        String preview = store().read(Resource.of(url).id()).orElseThrow().preview().orElseThrow();
        assertTrue(preview.contains("Unclosed bold"), preview);
        assertFalse(preview.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t'), preview);
    }

    @Test
    void tlsCertificatesAreVerified() throws Exception {
        String base = "https://localhost:" + archive.getHttpsPort() + "/web/";
        serve("http://tls.example/", page("<p>must not be read</p>"));

        RefreshOutcome outcome = refresher(base, 3, Duration.ofSeconds(5), 1 << 20).refresh(Resource.of("http://tls.example/"));

        assertEquals(RefreshOutcome.Status.FAILED, outcome.status());
        assertTrue(pauses.isEmpty(), "an untrusted certificate is not retried");
        assertFalse(Files.exists(dir.resolve(Resource.of("http://tls.example/").id()).resolve("preview.txt")));
    }

    @Test
    void aFailureKeepsTheEarlierPreview() throws Exception {
        String url = "http://kept.example/";
        serve(url, page("<p>the good text</p>"));
        refresher(0).refresh(Resource.of(url));
        Path preview = dir.resolve(Resource.of(url).id()).resolve("preview.txt");
        byte[] before = Files.readAllBytes(preview);
        serve(url, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        failsWith(refresher(1), url, "connection failed");

        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(preview));
        assertEquals(200, meta(url).httpStatus());
    }

    /** The plain-HTTP side of the stub archive (it also listens for HTTPS, with a certificate nobody trusts). */
    static String httpBase() {
        return archive.getRuntimeInfo().getHttpBaseUrl();
    }

    static String hostOf(String url) {
        return okhttp3.HttpUrl.get(url).host();
    }
}
