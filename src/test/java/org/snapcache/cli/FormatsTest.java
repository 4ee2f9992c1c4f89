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
}
