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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HostGuardInterceptorTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-04-09T12:00:00Z");

    final HostHealth health = new HostHealth();
    final HostGuardInterceptor guard = new HostGuardInterceptor(health,
            new HostRateLimiter(100_000, System::nanoTime, duration -> { }), Duration.ofSeconds(60), () -> NOW);

    Response fetch(String path) throws Exception {
        OkHttpClient client = new OkHttpClient.Builder().addInterceptor(guard).build();
        return client.newCall(new Request.Builder().url(archive.baseUrl() + path).build()).execute();
    }

    @Test
    void readsRetryAfterAsSecondsOrAsADate() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), guard.retryAfter("120"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), guard.retryAfter("Thu, 09 Apr 2026 12:00:30 GMT"));
        assertEquals(Optional.of(Duration.ZERO), guard.retryAfter("Thu, 09 Apr 2026 11:00:00 GMT"));
        assertEquals(Optional.empty(), guard.retryAfter("soon"));
        assertEquals(Optional.empty(), guard.retryAfter("-5"));
        assertEquals(Optional.empty(), guard.retryAfter(null));
    }

    @Test
    void aHostThatKeepsAnsweringTooManyRequestsIsLeftAloneForTheRun() throws Exception {
        archive.stubFor(get("/busy").willReturn(aResponse().withStatus(429)));

        HostStoppedException e = assertThrows(HostStoppedException.class, () -> fetch("/busy"));

        archive.verify(HostHealth.MAX_RATE_LIMITED, getRequestedFor(urlEqualTo("/busy")));
        assertTrue(health.stopped("localhost").isPresent(), e.getMessage());
        assertThrows(HostStoppedException.class, () -> fetch("/other"), "nothing more is asked of it");
        archive.verify(0, getRequestedFor(urlEqualTo("/other")));
    }

    @Test
    void aCaptured429IsAPageLikeAnyOther() throws Exception {
        archive.stubFor(get("/captured").willReturn(aResponse().withStatus(429)
                .withHeader("Memento-Datetime", "Wed, 01 Jan 2020 00:00:00 GMT")));

        try (Response response = fetch("/captured")) {
            assertEquals(429, response.code());
        }
        assertEquals(Optional.empty(), health.stopped("localhost"));
    }
}
