package org.snapcache.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void fourteenDigitsInUtc() {
        assertEquals("20260409120000", Timestamps.of(Instant.parse("2026-04-09T12:00:00.987Z")));
    }

    @Test
    void readsMementoDatetime() {
        assertEquals(Optional.of("19961231235847"), Timestamps.fromMementoDatetime("Tue, 31 Dec 1996 23:58:47 GMT"));
        assertEquals(Optional.empty(), Timestamps.fromMementoDatetime("yesterday"));
        assertEquals(Optional.empty(), Timestamps.fromMementoDatetime(null));
    }

    @Test
    void convertsBackToAnInstant() {
        assertEquals(Optional.of(Instant.parse("2020-10-27T22:07:43Z")), Timestamps.toInstant("20201027220743"));
        assertEquals(Optional.empty(), Timestamps.toInstant("2020"));
    }
}
