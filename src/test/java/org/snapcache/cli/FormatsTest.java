package org.snapcache.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void aDayIsTheUtcDateOfTheInstant() {
        assertEquals("2026-11-27", Formats.day(Instant.parse("2026-11-27T00:00:00Z")));
        assertEquals("2026-11-27", Formats.day(Instant.parse("2026-11-27T23:59:59.999Z")));
        assertEquals("2024-02-29", Formats.day(Instant.parse("2024-02-29T12:00:00Z")));
        assertEquals("1969-12-31", Formats.day(Instant.parse("1969-12-31T23:59:59Z")));
    }

    @Test
    void aSpanReadsInTheLargestUnitsThatMatter() {
        assertEquals("1 s", Formats.duration(java.time.Duration.ofMillis(480)));
        assertEquals("40 s", Formats.duration(java.time.Duration.ofSeconds(40)));
        assertEquals("38 min", Formats.duration(java.time.Duration.ofMinutes(38)));
        assertEquals("6 h 38 min", Formats.duration(java.time.Duration.ofMillis(11_950L * 60_000 / 30)));
        assertEquals("6 h", Formats.duration(java.time.Duration.ofHours(6)));
        assertEquals("4 d 14 h", Formats.duration(java.time.Duration.ofMinutes(199_600 / 30)));
    }

    @Test
    void aCountHasThousandsSeparators() {
        assertEquals("5,975", Formats.count(5975));
        assertEquals("30", Formats.count(30));
    }
}
