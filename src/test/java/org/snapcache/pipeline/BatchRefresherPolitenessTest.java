package org.snapcache.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.archive.ArchiveFetcher;
import org.snapcache.archive.CaptureSelector;
import org.snapcache.archive.CdxClient;
import org.snapcache.cache.CacheStore;
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
import org.snapcache.fetch.StopSignal;

/**
 * Eight workers, redirects, retried 503s and a 429, against a budget counted the way the archive
 * counts it: by the arrival times of the requests it receives. The window is short (half a
 * second instead of a minute) so that the test takes seconds; the limiter is the same.
 */
class BatchRefresherPolitenessTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-09T12:00:00Z"), ZoneOffset.UTC);
    static final String TS = "20260409120000";
    static final int BUDGET = 6;
    static final Duration WINDOW = Duration.ofMillis(500);

    @TempDir
    Path dir;

    @Test
    void noWindowEverCarriesMoreThanTheBudget() throws Exception {
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String url = "http://site" + i + ".example/page";
            resources.add(Resource.of(url));
            String capture = "/web/2020010100000" + (i % 10) + "id_/" + url;
            archive.stubFor(get("/web/" + TS + "id_/" + url).willReturn(aResponse().withStatus(302).withHeader("Location", capture)));
            String scenario = "resource" + i;
            String first = i % 4 == 0 ? "fail once" : Scenario.STARTED;
            if (i % 4 == 0) {
                archive.stubFor(get(capture).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(i == 8 ? aResponse().withStatus(429).withHeader("Retry-After", "1") : aResponse().withStatus(503))
                        .willSetStateTo(first));
            }
            archive.stubFor(get(capture).inScenario(scenario).whenScenarioStateIs(first)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                            .withHeader("Memento-Datetime", "Wed, 01 Jan 2020 00:00:00 GMT")
                            .withBody("<title>Page " + i + "</title><p>Text of page " + i + "</p>")));
        }
        HostRateLimiter limiter = new HostRateLimiter(BUDGET, WINDOW, Duration.ofMillis(20), System::nanoTime, Sleeper.SYSTEM);
        HttpSettings http = new HttpSettings("snapcache-test", Duration.ofSeconds(5), 8, BUDGET, 3, 1 << 20, Duration.ofSeconds(1));
        OkHttpClient client = HttpClientFactory.create(http, limiter, new HostHealth(), Sleeper.SYSTEM, Duration.ofMillis(50), CLOCK);
        CaptureSelector fetcher = new CaptureSelector(new ArchiveFetcher(client, ArchiveMode.RAW, 1 << 20), new CdxClient(client),
                Optional.empty(), new ArchiveSettings(List.of(archive.baseUrl() + "/web/"), ArchiveMode.RAW, false), CLOCK);
        ResourceRefresher refresher = new ResourceRefresher(fetcher, new ContentExtractor(), new PreviewCutter(100),
                new CacheStore(dir), CLOCK);

        List<RefreshOutcome> outcomes = new BatchRefresher(refresher, 8).refreshAll(resources, new StopSignal(), (outcome, took) -> { });

        assertTrue(outcomes.stream().allMatch(RefreshOutcome::succeeded), outcomes.toString());
        List<Long> arrivals = archive.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .map(request -> request.getLoggedDate().getTime())
                .sorted()
                .toList();
        assertEquals(12 * 2 + 3, arrivals.size(), "two requests a resource, plus the two 503s and the 429 asked again");
        for (long start : arrivals) {
            long inWindow = arrivals.stream().filter(t -> t >= start && t < start + WINDOW.toMillis()).count();
            assertTrue(inWindow <= BUDGET, inWindow + " requests arrived within " + WINDOW.toMillis() + " ms of " + start);
        }
        assertEquals(BUDGET / 2, limiter.budget("localhost"), "the 429 halved the rate");
    }
}
