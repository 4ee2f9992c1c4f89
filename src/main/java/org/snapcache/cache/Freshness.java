package org.snapcache.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.snapcache.config.ResourceId;

/** The state of a resource in the cache, as {@code status} reports it. */
public enum Freshness {
    FRESH, STALE, FAILED, MISSING, ORPHANED, CORRUPT,
    /** A catalogue entry that cannot be fetched as written: no usable URL, a bad pin, an unsafe id. */
    INVALID;

    /** The state of a catalogue resource: a pure function of its entry, the time and max-age. */
    public static Freshness of(Optional<EntryMeta> meta, Instant now, Duration maxAge) {
        if (meta.isEmpty()) {
            return MISSING;
        }
        EntryMeta entry = meta.get();
        if (entry.hasPreview()) {
            return stale(entry, now, maxAge) ? STALE : FRESH;
        }
        return entry.lastAttemptAt() != null ? FAILED : MISSING;
    }

    /**
     * When a preview goes stale: {@code max-age} after it was fetched, less a share of up to a
     * tenth of max-age fixed by the resource's id. A catalogue fetched in one night does not all
     * fall due on the same night, and each resource falls due at the same point every time.
     */
    public static Instant dueAt(EntryMeta entry, Duration maxAge) {
        return entry.fetchedAt().plus(maxAge).minus(spread(entry.id(), maxAge));
    }

    /**
     * Whether {@link #dueAt} is before now. The id's share is hashed only when now falls within
     * the last tenth of max-age, the one span where it decides; a report over a whole cache asks
     * this of every entry.
     */
    static boolean stale(EntryMeta entry, Instant now, Duration maxAge) {
        if (fromTheFuture(entry, now)) {
            return true;
        }
        Instant end = entry.fetchedAt().plus(maxAge);
        if (!end.minusMillis(maxAge.toMillis() / 10).isBefore(now)) {
            return false;
        }
        return end.isBefore(now) || dueAt(entry, maxAge).isBefore(now);
    }

    /**
     * Whether the entry says it was fetched more than a day after {@code now}: a clock that was
     * wrong, or a hand edit. Such a preview is stale, or it would stay fresh for ever.
     */
    public static boolean fromTheFuture(EntryMeta entry, Instant now) {
        return entry.fetchedAt() != null && entry.fetchedAt().isAfter(now.plus(Duration.ofDays(1)));
    }

    /** The id's share of the last tenth of max-age: 0 to just under maxAge / 10. */
    static Duration spread(String id, Duration maxAge) {
        byte[] hash = ResourceId.sha256(id.getBytes(StandardCharsets.UTF_8));
        long fraction = ((hash[0] & 0xffL) << 24 | (hash[1] & 0xffL) << 16 | (hash[2] & 0xffL) << 8 | (hash[3] & 0xffL));
        long tenthMillis = maxAge.toMillis() / 10;
        return Duration.ofMillis((long) (tenthMillis * (fraction / 4294967296.0)));
    }

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
