package org.snapcache.archive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.snapcache.Fixtures;

class CdxClientTest {

    @RegisterExtension
    static WireMockExtension archive = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final CdxClient cdx = new CdxClient(new OkHttpClient());

    @Test
    void theEndpointSitsBesideTheReplayPrefix() {
        assertEquals("https://web.archive.org/cdx/search/cdx", CdxClient.endpoint("https://web.archive.org/web/"));
        assertEquals("https://www.webarchive.org.uk/wayback/archive/cdx",
                CdxClient.endpoint("https://www.webarchive.org.uk/wayback/archive/"));
    }

    @Test
    void readsTheArchivesJsonAnswerUpToItsResumeKeyAndAsksAsTold() throws Exception {
        archive.stubFor(get(urlPathEqualTo("/cdx/search/cdx")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.bytes("wayback/ia-cdx-json-resumekey-docs-example.json"))));

        List<CdxCapture> captures = cdx.captures(archive.baseUrl() + "/web/", "http://www.archive.org/",
                new CdxClient.Query(Optional.of("1997"), Optional.empty(), 5, true, Optional.of("19971211000000")));

        assertEquals(5, captures.size());
        assertEquals(new CdxCapture("19970126045828", "http://www.archive.org:80/", "text/html", "200", "1415"), captures.get(0));
        archive.verify(getRequestedFor(urlPathEqualTo("/cdx/search/cdx")).withQueryParam("url", equalTo("http://www.archive.org/"))
                .withQueryParam("output", equalTo("json")).withQueryParam("from", equalTo("1997"))
                .withQueryParam("filter", equalTo("statuscode:200")).withQueryParam("closest", equalTo("19971211000000")));
    }

    @Test
    void theNearestCaptureIsTheClosestInTime() throws Exception {
        List<CdxCapture> captures = CdxClient.parse(Fixtures.bytes("wayback/ia-cdx-json-resumekey-docs-example.json"), "test");

        assertEquals("19971211122953", CdxClient.nearest(captures, "19971201").orElseThrow().timestamp());
        assertEquals("19980109140106", CdxClient.nearest(captures, "2026").orElseThrow().timestamp());
        assertEquals(Optional.empty(), CdxClient.nearest(List.of(), "2026"));
    }

    @Test
    void anEmptyAnswerIsNoCapturesAndAnErrorIsTheArchives() throws Exception {
        assertEquals(List.of(), CdxClient.parse(new byte[0], "test"));
        archive.stubFor(get(urlPathEqualTo("/cdx/search/cdx")).willReturn(aResponse().withStatus(503)));

        ArchiveException e = assertThrows(ArchiveException.class, () -> cdx.captures(archive.baseUrl() + "/web/", "http://a.example/",
                new CdxClient.Query(Optional.empty(), Optional.empty(), 10, false, Optional.empty())));

        assertEquals(ArchiveException.Kind.ARCHIVE_ERROR, e.kind());
        assertTrue(e.getMessage().contains("CDX server answered 503"), e.getMessage());
    }
}
