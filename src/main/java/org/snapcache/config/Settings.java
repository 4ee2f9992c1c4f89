package org.snapcache.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything config.yaml says, validated, with paths resolved against the config file's folder.
 *
 * @param liveFallback whether a resource no archive has a usable capture of is read from its own site
 * @param resources the catalogue's resources, each once, in the order listed
 * @param invalid the catalogue's entries that cannot be fetched as written
 * @param warnings what is worth an operator's look in the catalogue (entries listed twice, ...), one line each
 */
public record Settings(
        Path configFile,
        Path cacheDir,
        int previewChars,
        Duration maxAge,
        ArchiveSettings archive,
        HttpSettings http,
        boolean liveFallback,
        List<Resource> resources,
        List<InvalidEntry> invalid,
        List<String> warnings) {

    /** Whether the catalogue lists nothing at all, fetchable or not. */
    public boolean catalogueIsEmpty() {
        return resources.isEmpty() && invalid.isEmpty();
    }

    /** Characters in a preview when config.yaml does not say. */
    public static final int DEFAULT_PREVIEW_CHARS = 3000;

    public Settings {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(http, "http");
        resources = List.copyOf(resources);
        invalid = List.copyOf(invalid);
        warnings = List.copyOf(warnings);
        if (previewChars < 1) {
            throw new IllegalArgumentException("previewChars must be positive");
        }
    }
}
