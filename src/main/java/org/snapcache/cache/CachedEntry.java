package org.snapcache.cache;

import java.util.Objects;
import java.util.Optional;

/** One cache entry as read from disk: its meta.json and, after a success, its preview. */
public record CachedEntry(EntryMeta meta, Optional<String> preview) {

    public CachedEntry {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(preview, "preview");
    }
}
