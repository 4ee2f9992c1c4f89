package org.snapcache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    static final Instant NOW = Instant.parse("2026-04-09T12:00:00Z");
    static final Duration MAX_AGE = Duration.ofDays(30);

    @Test
    void previewWithinMaxAgeIsFresh() {
        EntryMeta meta = CacheStoreTest.success("a", "x");
        assertEquals(Freshness.FRESH, Freshness.of(Optional.of(meta), meta.fetchedAt().plus(MAX_AGE), MAX_AGE));
    }

    @Test
    void previewOlderThanMaxAgeIsStale() {
        EntryMeta meta = CacheStoreTest.success("a", "x");
        assertEquals(Freshness.STALE, Freshness.of(Optional.of(meta), meta.fetchedAt().plus(MAX_AGE).plusSeconds(1), MAX_AGE));
    }

    @Test
    void aFailedRefreshOfAPreviewKeepsItsFreshnessByFetchDate() {
        EntryMeta meta = CacheStoreTest.success("a", "x").failed(NOW, "boom");
        assertEquals(Freshness.FRESH, Freshness.of(Optional.of(meta), NOW, MAX_AGE));
    }

    @Test
    void noPreviewAndAFailedAttemptIsFailed() {
        EntryMeta meta = EntryMeta.firstFailure("a", "https://x.example/", null, NOW, "not archived");
        assertEquals(Freshness.FAILED, Freshness.of(Optional.of(meta), NOW, MAX_AGE));
    }

    @Test
    void noEntryIsMissing() {
        assertEquals(Freshness.MISSING, Freshness.of(Optional.empty(), NOW, MAX_AGE));
    }
}
