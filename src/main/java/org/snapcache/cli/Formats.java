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

    /** {@code 5,975}: a count with thousands separators. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** {@code 40 s}, {@code 12 min}, {@code 6 h 38 min}, {@code 2 d 3 h}: a span for people, to the minute past a minute. */
    static String duration(Duration span) {
        long minutes = span.toMinutes();
        if (minutes == 0) {
            return (span.toMillis() + 999) / 1000 + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return minutes / (24 * 60) + " d" + (minutes / 60 % 24 == 0 ? "" : " " + minutes / 60 % 24 + " h");
    }
}
