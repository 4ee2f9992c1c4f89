package org.snapcache.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One catalogue entry.
 *
 * @param source where it was declared, {@code file:line}, for messages
 */
public record Resource(
        String id,
        String url,
        Optional<String> title,
        Optional<String> type,
        Optional<String> stableId,
        Optional<String> archivedAt,
        String source) {

    public Resource {
        Objects.requireNonNull(url, "url");
        if (!ResourceId.isValid(id)) {
            throw new IllegalArgumentException("not a valid resource id: " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stableId, "stableId");
        Objects.requireNonNull(archivedAt, "archivedAt");
    }

    /** The URL to fetch: {@link #url} as a browser would send it ({@link BrowserUrl}), or as written if none could. */
    public String fetchUrl() {
        try {
            return BrowserUrl.of(url);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** This resource, pinned to the capture nearest {@code timestamp}. */
    public Resource pinnedAt(String timestamp) {
        return new Resource(id, url, title, type, stableId, Optional.of(timestamp), source);
    }

    /** A resource with only a URL, its id derived from it. */
    public static Resource of(String url) {
        return new Resource(ResourceId.forUrl(url), url, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "command line");
    }
}
