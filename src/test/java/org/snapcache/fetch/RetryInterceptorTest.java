package org.snapcache.fetch;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryInterceptorTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final List<Duration> pauses = new ArrayList<>();

    Response fetch(String path, int retries) throws Exception {
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(new RetryInterceptor(retries, Duration.ofSeconds(1), pauses::add)).build();
        return client.newCall(new Request.Builder().url(archive.baseUrl() + path).build()).execute();
    }

    @Test
    void retriesTheArchivesServerErrorsWithGrowingPausesThenGivesUp() {
        archive.stubFor(get("/down").willReturn(aResponse().withStatus(503)));

        RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, () -> fetch("/down", 3));

        assertEquals(4, e.tries());
        assertEquals(503, e.lastStatus());
        assertEquals(3, pauses.size());
        for (int i = 0; i < pauses.size(); i++) {
            long base = 1000L << i;
            assertTrue(pauses.get(i).toMillis() >= base / 2 && pauses.get(i).toMillis() <= base, pauses.toString());
        }
    }

    @Test
    void anErrorThatPassesIsForgotten() throws Exception {
        archive.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        archive.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200).withBody("ok")));

        try (Response response = fetch("/flaky", 3)) {
            assertEquals(200, response.code());
        }
        assertEquals(1, pauses.size());
    }

    @Test
    void aCapturedServerErrorAndOtherClientErrorsAreAnswersNotFailures() throws Exception {
        archive.stubFor(get("/captured").willReturn(aResponse().withStatus(503)
                .withHeader("Memento-Datetime", "Wed, 01 Jan 2020 00:00:00 GMT")));
        archive.stubFor(get("/gone").willReturn(aResponse().withStatus(404)));

        try (Response captured = fetch("/captured", 3); Response gone = fetch("/gone", 3)) {
            assertEquals(503, captured.code());
            assertEquals(404, gone.code());
        }
        assertEquals(List.of(), pauses);
        archive.verify(1, getRequestedFor(urlEqualTo("/captured")));
    }
}
