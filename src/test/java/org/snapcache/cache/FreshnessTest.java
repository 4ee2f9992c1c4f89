package org.snapcache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    static final Instant NOW = Instant.parse("2026-04-09T12:00:00Z");
    static final Duration MAX_AGE = Duration.ofDays(30);

    @Test
    void previewWithinNineTenthsOfMaxAgeIsFreshAndUntilItsDueDate() {
        EntryMeta meta = CacheStoreTest.success("a", "x");
        assertEquals(Freshness.FRESH, Freshness.of(Optional.of(meta), meta.fetchedAt().plus(MAX_AGE.multipliedBy(9).dividedBy(10)), MAX_AGE));
        assertEquals(Freshness.FRESH, Freshness.of(Optional.of(meta), Freshness.dueAt(meta, MAX_AGE), MAX_AGE));
        assertEquals(Freshness.STALE, Freshness.of(Optional.of(meta), Freshness.dueAt(meta, MAX_AGE).plusMillis(1), MAX_AGE));
    }

    @Test
    void aResourcesShareDependsOnItsIdAloneTheSameOnEveryMachineAndEveryNight() {
        // a change of this figure moves every resource's due date: it must be deliberate
        assertEquals(Duration.parse("PT22H59M20.287S"), Freshness.spread("8f738b406e4bfc32", MAX_AGE));
        assertEquals(Duration.ZERO, Freshness.spread("8f738b406e4bfc32", Duration.ZERO));
    }

    @Test
    void theStateIsTheDueDatesAtEveryInstantThoughTheShareIsHashedOnlyInTheLastTenth() {
        for (Duration maxAge : java.util.List.of(MAX_AGE, Duration.ofMillis(7), Duration.ofSeconds(9), Duration.ofDays(3650),
                Duration.ZERO)) {
            long tenth = maxAge.toMillis() / 10;
            for (int i = 0; i < 200; i++) {
                EntryMeta meta = CacheStoreTest.success(org.snapcache.config.ResourceId.forUrl("https://example.org/" + i), "x");
                Instant end = meta.fetchedAt().plus(maxAge);
                Instant due = Freshness.dueAt(meta, maxAge);
                for (Instant now : java.util.List.of(end.minusMillis(tenth).minusNanos(1), end.minusMillis(tenth),
                        end.minusMillis(tenth).plusNanos(1), due.minusNanos(1), due, due.plusNanos(1), end.minusNanos(1), end,
                        end.plusNanos(1))) {
                    assertEquals(due.isBefore(now) ? Freshness.STALE : Freshness.FRESH, Freshness.of(Optional.of(meta), now, maxAge),
                            "max-age " + maxAge + ", resource " + i + ", at " + now);
                }
            }
        }
    }

    @Test
    void previewOlderThanMaxAgeIsStale() {
        EntryMeta meta = CacheStoreTest.success("a", "x");
        assertEquals(Freshness.STALE, Freshness.of(Optional.of(meta), meta.fetchedAt().plus(MAX_AGE).plusSeconds(1), MAX_AGE));
    }

    @Test
    void previewsFetchedTogetherFallDueSpreadOverTheLastTenthOfMaxAgeEachAlwaysOnTheSameDay() {
        Instant fetched = NOW;
        java.util.List<Instant> due = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            EntryMeta meta = CacheStoreTest.success(org.snapcache.config.ResourceId.forUrl("https://example.org/" + i), "x");
            due.add(Freshness.dueAt(meta, MAX_AGE).minus(Duration.between(fetched, meta.fetchedAt())));
        }
        Instant earliest = due.stream().min(Instant::compareTo).orElseThrow();
        Instant latest = due.stream().max(Instant::compareTo).orElseThrow();
        assertTrue(!earliest.isBefore(fetched.plus(MAX_AGE.multipliedBy(9).dividedBy(10))), "not before nine tenths: " + earliest);
        assertTrue(!latest.isAfter(fetched.plus(MAX_AGE)), "not after max-age: " + latest);
        assertTrue(Duration.between(earliest, latest).compareTo(MAX_AGE.dividedBy(10).multipliedBy(9).dividedBy(10)) > 0,
                "spread over most of the last tenth: " + earliest + " to " + latest);
        long onTheLastDay = due.stream().filter(at -> at.isAfter(fetched.plus(MAX_AGE).minus(Duration.ofDays(1)))).count();
        assertTrue(onTheLastDay < 500, "not all due the same night: " + onTheLastDay);
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
