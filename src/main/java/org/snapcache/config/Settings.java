package org.snapcache.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything config.yaml says, validated, with paths resolved against the config file's folder.
 *
 * @param fullTextChars the most characters of a resource's whole text kept in text.txt; 0 when
 *     {@code full-text: false} keeps previews only
 * @param liveFallback whether a resource no archive has a usable capture of is read from its own site
 * @param resourceFiles the {@code resource-files} patterns, as written
 * @param resources the catalogue's resources, each once, in the order listed
 * @param invalid the catalogue's entries that cannot be fetched as written
 * @param warnings what is worth an operator's look in the catalogue (entries listed twice, ...), one line each
 * @param save Save Page Now for resources the archive has no capture of, when {@code archive.save-missing} is on
 */
public record Settings(
        Path configFile,
        Path cacheDir,
        int previewChars,
        int fullTextChars,
        Duration maxAge,
        ArchiveSettings archive,
        HttpSettings http,
        boolean liveFallback,
        List<String> resourceFiles,
        List<Resource> resources,
        List<InvalidEntry> invalid,
        List<String> warnings,
        Optional<SaveSettings> save) {

    /** These settings, as read from {@code file}: the same content under another name for it. */
    public Settings readFrom(Path file) {
        return new Settings(file, cacheDir, previewChars, fullTextChars, maxAge, archive, http, liveFallback, resourceFiles, resources, invalid,
                warnings, save);
    }

    /** The catalogue's resource that {@code name} names: its id, stable id or URL as listed. */
    public Optional<Resource> find(String name) {
        return resources.stream().filter(r -> r.id().equals(name) || r.url().equals(name) || r.stableId().filter(name::equals).isPresent())
                .findFirst();
    }

    /** The catalogue's entry that cannot be fetched which {@code name} names by its id, stable id or URL. */
    public Optional<InvalidEntry> findInvalid(String name) {
        return invalid.stream().filter(e -> e.url().filter(name::equals).isPresent() || e.shownId().filter(name::equals).isPresent()
                || e.stableId().filter(name::equals).isPresent()).findFirst();
    }

    /** Whether the catalogue lists nothing at all, fetchable or not. */
    public boolean catalogueIsEmpty() {
        return resources.isEmpty() && invalid.isEmpty();
    }

    /** Characters in a preview when config.yaml does not say. */
    public static final int DEFAULT_PREVIEW_CHARS = 3000;

    /** The default {@code full-text-chars}: some 3,000 pages of prose, more than any article. */
    public static final int DEFAULT_FULL_TEXT_CHARS = 10_000_000;

    public Settings {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(save, "save");
        resourceFiles = List.copyOf(resourceFiles);
        resources = List.copyOf(resources);
        invalid = List.copyOf(invalid);
        warnings = List.copyOf(warnings);
        if (previewChars < 1) {
            throw new IllegalArgumentException("previewChars must be positive");
        }
    }
}
