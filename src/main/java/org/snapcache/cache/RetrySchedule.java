package org.snapcache.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failing resource is tried again: after 1, 2, 4, ... days, never more than max-age, so
 * that a resource that keeps failing costs the archive a request now and then rather than every
 * night. A run that starts up to three hours earlier than the previous one still counts as the
 * next day, so a nightly schedule does not skip a night. A pure function of the entry.
 */
public final class RetrySchedule {

    private static final Duration SLACK = Duration.ofHours(3);

    private RetrySchedule() {}

    /** The first instant a run may try the resource again; empty when its last attempt succeeded. */
    public static Optional<Instant> nextAttempt(EntryMeta meta, Duration maxAge) {
        if (meta.consecutiveFailures() < 1 || meta.lastAttemptAt() == null) {
            return Optional.empty();
        }
        Duration pause = Duration.ofDays(1L << Math.min(meta.consecutiveFailures() - 1, 20));
        if (pause.compareTo(maxAge) > 0) {
            pause = maxAge;
        }
        Duration slack = SLACK.compareTo(pause.dividedBy(4)) < 0 ? SLACK : pause.dividedBy(4);
        return Optional.of(meta.lastAttemptAt().plus(pause).minus(slack));
    }

    /**
     * The first instant the archive may be asked to save the resource again: a save is asked for
     * once a retry pause, not every night. Empty when nothing holds it back: never asked for, or
     * pending (a pending save is checked, not asked for again).
     */
    public static Optional<Instant> nextSave(Optional<EntryMeta> meta, Duration maxAge) {
        return meta.filter(m -> m.saveRequestedAt() != null && m.saveJob() == null).flatMap(m -> nextAttempt(m, maxAge));
    }

    public static boolean isDue(EntryMeta meta, Instant now, Duration maxAge) {
        return nextAttempt(meta, maxAge).map(next -> !now.isBefore(next)).orElse(true);
    }
}
