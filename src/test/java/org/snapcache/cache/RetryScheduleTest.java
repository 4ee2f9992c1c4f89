package org.snapcache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    static final Instant AT = Instant.parse("2026-04-09T03:17:00Z");
    static final Duration MAX_AGE = Duration.ofDays(30);

    static EntryMeta failing(int times) {
        EntryMeta meta = EntryMeta.firstFailure("a", "https://x.example/", null, AT, "not archived");
        for (int i = 1; i < times; i++) {
            meta = meta.failed(AT, "not archived");
        }
        return meta;
    }

    @Test
    void pausesDoubleFromOneDay() {
        assertEquals(Optional.of(AT.plus(Duration.ofDays(1)).minus(Duration.ofHours(3))), RetrySchedule.nextAttempt(failing(1), MAX_AGE));
        assertEquals(Optional.of(AT.plus(Duration.ofDays(2)).minus(Duration.ofHours(3))), RetrySchedule.nextAttempt(failing(2), MAX_AGE));
        assertEquals(Optional.of(AT.plus(Duration.ofDays(16)).minus(Duration.ofHours(3))), RetrySchedule.nextAttempt(failing(5), MAX_AGE));
    }

    @Test
    void pausesNeverExceedMaxAge() {
        assertEquals(Optional.of(AT.plus(MAX_AGE).minus(Duration.ofHours(3))), RetrySchedule.nextAttempt(failing(40), MAX_AGE));
    }

    @Test
    void aNightlyRunStartingALittleEarlierStillRetriesTheNextNight() {
        assertTrue(RetrySchedule.isDue(failing(1), AT.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(5)), MAX_AGE));
        assertFalse(RetrySchedule.isDue(failing(1), AT.plus(Duration.ofHours(12)), MAX_AGE));
    }

    @Test
    void anEntryWithoutFailuresIsAlwaysDue() {
        assertEquals(Optional.empty(), RetrySchedule.nextAttempt(CacheStoreTest.success("a", "x"), MAX_AGE));
        assertTrue(RetrySchedule.isDue(CacheStoreTest.success("a", "x"), AT, MAX_AGE));
    }
}
