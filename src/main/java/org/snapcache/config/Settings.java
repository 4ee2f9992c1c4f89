package org.snapcache.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything config.yaml says, validated, with paths resolved against the config file's folder.
 *
 * @param liveFallback whether a resource no archive has a usable capture of is read from its own site
 */
public record Settings(
        Path configFile,
        Path cacheDir,
        int previewChars,
        Duration maxAge,
        ArchiveSettings archive,
        HttpSettings http,
        boolean liveFallback,
        List<Resource> resources) {

    /** Characters in a preview when config.yaml does not say. */
    public static final int DEFAULT_PREVIEW_CHARS = 3000;

    public Settings {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(http, "http");
        resources = List.copyOf(resources);
        if (previewChars < 1) {
            throw new IllegalArgumentException("previewChars must be positive");
        }
    }
}
