package org.snapcache.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The state of a resource in the cache, as {@code status} reports it. */
public enum Freshness {
    FRESH, STALE, FAILED, MISSING, ORPHANED, CORRUPT;

    /** The state of a catalogue resource: a pure function of its entry, the time and max-age. */
    public static Freshness of(Optional<EntryMeta> meta, Instant now, Duration maxAge) {
        if (meta.isEmpty()) {
            return MISSING;
        }
        EntryMeta entry = meta.get();
        if (entry.hasPreview()) {
            return entry.fetchedAt().plus(maxAge).isBefore(now) ? STALE : FRESH;
        }
        return entry.lastAttemptAt() != null ? FAILED : MISSING;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
