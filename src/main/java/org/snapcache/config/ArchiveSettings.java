package org.snapcache.config;

import java.util.List;
import java.util.Objects;

/**
 * @param baseUrls Wayback-style replay prefixes ending in {@code /}, asked in order, such as
 *     {@code https://web.archive.org/web/} or {@code https://www.webarchive.org.uk/wayback/archive/}
 * @param preferOkCapture whether a nearest capture that is an error or a dead-end redirect is
 *     replaced by the nearest capture whose status was 200
 */
public record ArchiveSettings(List<String> baseUrls, ArchiveMode mode, boolean preferOkCapture) {

    public ArchiveSettings {
        Objects.requireNonNull(mode, "mode");
        baseUrls = List.copyOf(baseUrls);
        if (baseUrls.isEmpty() || baseUrls.stream().anyMatch(url -> !url.endsWith("/"))) {
            throw new IllegalArgumentException("archive base URLs must end with /: " + baseUrls);
        }
    }

    /** One archive, read in the given mode, preferring 200 captures. */
    public static ArchiveSettings of(String baseUrl, ArchiveMode mode) {
        return new ArchiveSettings(List.of(baseUrl), mode, true);
    }

    /** The first archive asked. */
    public String baseUrl() {
        return baseUrls.get(0);
    }
}
