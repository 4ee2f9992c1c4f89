package org.snapcache;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Real Wayback Machine responses kept as test resources ({@code wayback/*}), served through
 * WireMock with their recorded status and headers. Bodies are stored decoded, so the encoding
 * headers are dropped.
 */
public final class Fixtures {

    private static final Set<String> DROPPED = Set.of("content-encoding", "transfer-encoding", "content-length", "connection");

    private Fixtures() {}

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The recorded response {@code wayback/<name>}: its status line, headers and body. */
    public static ResponseDefinitionBuilder recorded(String name) {
        List<String> lines = text("wayback/" + name + ".headers.txt").lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .toList();
        String[] statusLine = lines.get(0).split(" ", 3);
        ResponseDefinitionBuilder response = WireMock.aResponse().withStatus(Integer.parseInt(statusLine[1]));
        for (String header : lines.subList(1, lines.size())) {
            int colon = header.indexOf(':');
            String key = header.substring(0, colon).trim();
            if (!DROPPED.contains(key.toLowerCase(Locale.ROOT))) {
                response.withHeader(key, header.substring(colon + 1).trim());
            }
        }
        return response.withBody(bytes("wayback/" + name));
    }

    /**
     * The Wayback Machine's page for an excluded URL: HTTP 200, title "Wayback Machine", no
     * Memento-Datetime. Made from the recorded not-archived page, its message replaced by the
     * excluded one, since both are the archive's own page template.
     */
    public static ResponseDefinitionBuilder excludedPage() {
        String notArchived = text("wayback/ia-wayback-404-not-archived.html");
        String excluded = notArchived.replace("<h2>Hrm.</h2>\n<p>The Wayback Machine has not archived that URL.</p>",
                "<p>Sorry.</p>\n<p>This URL has been excluded from the Wayback Machine.</p>");
        if (!excluded.contains("has been excluded") || !excluded.contains("<title>Wayback Machine</title>")) {
            throw new IllegalStateException("the recorded not-archived page no longer has the expected message");
        }
        return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(excluded);
    }
}
