package org.snapcache.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How sizes, dates and ages read in snapcache's output. */
final class Formats {

    private static final DateTimeFormatter WIKI_DATE = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Formats() {}

    /** {@code 812 B}, {@code 4 KB}, {@code 1.2 MB}: the wiki's way of giving a size. */
    static String size(long units) {
        if (units < 1024) {
            return units + " B";
        }
        if (units < 1024 * 1024) {
            return Math.round(units / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", units / (1024.0 * 1024));
    }

    static String wikiDate(Instant instant) {
        return WIKI_DATE.format(instant);
    }

    /** {@code 2026-11-27}, in UTC. */
    static String day(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400)).toString();
    }

    static String minute(Instant instant) {
        return MINUTE.format(instant);
    }

    static String second(Instant instant) {
        return SECOND.format(instant);
    }

    /** {@code 45s}, {@code 12m}, {@code 5h}, {@code 3d}. */
    static String age(Instant since, Instant now) {
        Duration age = Duration.between(since, now);
        if (age.isNegative()) {
            return "0s";
        }
        if (age.toDays() > 0) {
            return age.toDays() + "d";
        }
        if (age.toHours() > 0) {
            return age.toHours() + "h";
        }
        if (age.toMinutes() > 0) {
            return age.toMinutes() + "m";
        }
        return age.getSeconds() + "s";
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }
}
