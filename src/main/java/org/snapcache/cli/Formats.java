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

    /** The first second of the year 1 and the last of the year 9999: four-digit years, no sign. */
    private static final long FIRST = -62_135_596_800L;
    private static final long LAST = 253_402_300_799L;

    /**
     * What {@link Instant#toString} gives ({@code 2026-11-27T09:30:00Z},
     * {@code 2026-11-27T09:30:00.120Z}), built without the formatter's dozen objects: a report
     * writes two for each of 100,000 entries. Years outside 1-9999 go to the formatter.
     */
    static String instant(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int time = Math.floorMod(seconds, 86_400);
        int nano = instant.getNano();
        char[] text = new char[30];
        int at = digits(text, 0, date.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, date.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, date.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, time / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, time / 60 % 60, 2);
        text[at++] = ':';
        at = digits(text, at, time % 60, 2);
        if (nano > 0) {
            // in groups of three digits, as many as the nanoseconds need
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                at = digits(text, at, nano / 1000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return new String(text, 0, at);
    }

    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
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
