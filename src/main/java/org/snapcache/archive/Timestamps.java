package org.snapcache.archive;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Wayback timestamps: {@code yyyyMMddHHmmss} in UTC, 1 to 14 digits when asked for, 14 when served. */
public final class Timestamps {

    private static final DateTimeFormatter FOURTEEN = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String of(Instant instant) {
        return FOURTEEN.format(instant);
    }

    /** The timestamp of a {@code Memento-Datetime} header (RFC 1123), if it is one. */
    public static Optional<String> fromMementoDatetime(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A 14-digit timestamp as an instant, for display. */
    public static Optional<Instant> toInstant(String fourteen) {
        if (fourteen == null || fourteen.length() != 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(fourteen, DateTimeFormatter.ofPattern("uuuuMMddHHmmss")).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is a Wayback timestamp as one may ask for it: 1 to 14 digits. */
    public static boolean isTimestamp(String text) {
        return !text.isEmpty() && text.length() <= 14 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
