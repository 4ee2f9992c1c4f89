package org.snapcache.config;

import java.util.Objects;

/** @param baseUrl a Wayback-style replay prefix ending in {@code /}, such as {@code https://web.archive.org/web/} */
public record ArchiveSettings(String baseUrl, ArchiveMode mode) {

    public ArchiveSettings {
        Objects.requireNonNull(mode, "mode");
        if (baseUrl == null || !baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("archive base URL must end with /: " + baseUrl);
        }
    }
}
