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
    void anInstantReadsAsInstantToStringHasIt() {
        java.util.Random random = new java.util.Random(20261127);
        java.util.List<Instant> instants = new java.util.ArrayList<>(java.util.List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("0000-12-31T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.1Z"), Instant.parse("2026-11-27T09:30:00Z"),
                Instant.parse("2026-11-27T09:30:00.120Z"), Instant.parse("2026-11-27T09:30:00.000120Z"),
                Instant.parse("2026-11-27T09:30:00.000000120Z"), Instant.parse("2024-02-29T23:59:59.728608610Z")));
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-70_000_000_000L, 260_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nano));
        }
        for (Instant instant : instants) {
            assertEquals(instant.toString(), Formats.instant(instant));
        }
    }
}
