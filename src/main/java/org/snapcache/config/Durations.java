package org.snapcache.config;

import java.time.Duration;
import java.util.Optional;

/** Durations as config.yaml writes them: a whole number and one unit, {@code 30s 15m 12h 30d}. */
public final class Durations {

    private Durations() {}

    public static Optional<Duration> parse(String text) {
        if (text == null || text.length() < 2) {
            return Optional.empty();
        }
        String digits = text.substring(0, text.length() - 1);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        long amount = Long.parseLong(digits);
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Optional.of(Duration.ofSeconds(amount));
            case 'm' -> Optional.of(Duration.ofMinutes(amount));
            case 'h' -> Optional.of(Duration.ofHours(amount));
            case 'd' -> Optional.of(Duration.ofDays(amount));
            default -> Optional.empty();
        };
    }

    /** The shortest exact form, the inverse of {@link #parse}. */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
