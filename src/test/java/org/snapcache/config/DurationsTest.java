package org.snapcache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesEachUnit() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), Durations.parse("30s"));
        assertEquals(Optional.of(Duration.ofMinutes(15)), Durations.parse("15m"));
        assertEquals(Optional.of(Duration.ofHours(12)), Durations.parse("12h"));
        assertEquals(Optional.of(Duration.ofDays(30)), Durations.parse("30d"));
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[] {"", "30", "d", "1.5h", "-1d", "30 d", "3w", "9999999999d"}) {
            assertEquals(Optional.empty(), Durations.parse(bad), bad);
        }
    }

    @Test
    void formatsTheShortestExactForm() {
        assertEquals("30d", Durations.format(Duration.ofDays(30)));
        assertEquals("90m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("45s", Durations.format(Duration.ofSeconds(45)));
    }
}
