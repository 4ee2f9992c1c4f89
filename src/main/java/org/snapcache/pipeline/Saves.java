package org.snapcache.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.snapcache.archive.ArchiveException;
import org.snapcache.archive.SavePageNow;
import org.snapcache.cache.EntryMeta;
import org.snapcache.config.Resource;
import org.snapcache.config.SaveSettings;
import org.snapcache.fetch.StopSignal;
import org.snapcache.fetch.Ticker;

/**
 * A run's saves: one thread asks the archive to save the resources it has no capture of, at
 * most {@code saves-per-minute}, and polls the jobs, first after 5 seconds and then less and
 * less often, while the run's workers go on with the rest of the catalogue. Each resource's
 * result is handed back as soon as its job ends; jobs still pending a while after the rest of
 * the run is done ({@code save-wait}) are handed back as pending, for the next run to check.
 *
 * <p>When the archive asks to wait ({@code error:user-session-limit}; its 429s the shared HTTP
 * client already waits out), no save is asked for a minute and the pace halves; after three such
 * answers in a row, the saves not yet asked for are left for the next run.
 */
public final class Saves {

    /** What became of a save. */
    public enum Kind { SAVED, FAILED, PENDING, DEFERRED }

    /**
     * @param job the archive's job id, once asked
     * @param requestedAt when the save was asked for
     * @param timestamp the new capture's, for {@code SAVED}
     * @param reason why it failed or was not asked for
     */
    public record Result(Kind kind, String job, Instant requestedAt, String timestamp, String reason) {}

    static final int MAX_WAITS = 3;
    private static final double FIRST_POLL = 5;
    private static final double LONGEST_POLL = 60;
    private static final int MAX_POLL_ERRORS = 3;

    private record Asked(Resource resource, Optional<EntryMeta> previous, Consumer<Result> then) {}

    private static final class Job {
        final Asked asked;
        final String id;
        final Instant requestedAt;
        long nextPoll;
        double pause = FIRST_POLL;
        int errors;

        Job(Asked asked, String id, Instant requestedAt, long nextPoll) {
            this.asked = asked;
            this.id = id;
            this.requestedAt = requestedAt;
            this.nextPoll = nextPoll;
        }
    }

    private final SavePageNow api;
    private final SaveSettings settings;
    private final Clock clock;
    private final Ticker ticker;
    /** A second in production; tests make it a millisecond, so that polls come quickly. */
    private final Duration unit;
    private final StopSignal stop;

    private final Object lock = new Object();
    private final Deque<Asked> queue = new ArrayDeque<>();
    private final List<Job> jobs = new ArrayList<>();
    private boolean closed;
    private Thread thread;

    private long spacing;
    private long nextSave;
    private int waitsInARow;
    private String lastWait = "";
    private String refused;
    private int requested;
    private int succeeded;
    private int failed;
    private int pending;
    private int deferred;

    public Saves(SavePageNow api, SaveSettings settings, Clock clock, Ticker ticker, Duration unit, StopSignal stop) {
        this.api = api;
        this.settings = settings;
        this.clock = clock;
        this.ticker = ticker;
        this.unit = unit;
        this.stop = stop;
        this.spacing = Duration.ofMinutes(1).toNanos() / settings.perMinute();
        this.nextSave = ticker.nanos();
    }

    /**
     * Asks for a save of {@code resource}, or, when {@code previous} records a pending one, checks
     * that job; {@code then} is told the result, once, from the saves' thread.
     */
    public void submit(Resource resource, Optional<EntryMeta> previous, Consumer<Result> then) {
        synchronized (lock) {
            Asked asked = new Asked(resource, previous, then);
            if (previous.map(EntryMeta::saveJob).isPresent()) {
                jobs.add(new Job(asked, previous.get().saveJob(), previous.get().saveRequestedAt(), ticker.nanos()));
            } else {
                queue.add(asked);
            }
            if (thread == null) {
                thread = new Thread(this::work, "snapcache-saves");
                thread.setDaemon(true);
                thread.start();
            }
            lock.notifyAll();
        }
    }

    /** No more saves will be asked for: the thread ends once every one has been handed back. */
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    /** The summary's line: saves asked for, captured, failed, pending; empty when there were none. */
    public Optional<String> summary() {
        synchronized (lock) {
            if (requested + succeeded + failed + pending + deferred == 0) {
                return Optional.empty();
            }
            return Optional.of(String.format(Locale.ROOT, "saves (Save Page Now): %d asked for, %d captured, %d failed, %d pending"
                    + " (checked by the next run)%s", requested, succeeded, failed, pending,
                    deferred > 0 ? ", " + deferred + " left for the next run" : ""));
        }
    }

    private void work() {
        long deadline = 0;
        boolean drained = false;
        while (true) {
            Asked ask = null;
            Job poll = null;
            synchronized (lock) {
                long now = ticker.nanos();
                if (stop.stopped() || refused != null && !queue.isEmpty() || waitsInARow >= MAX_WAITS) {
                    handBackQueue(now);
                }
                if (closed && queue.isEmpty()) {
                    if (!drained) {
                        drained = true;
                        deadline = now + settings.waitForPending().toNanos();
                    }
                    if (jobs.isEmpty()) {
                        return;
                    }
                    if (now - deadline >= 0 || stop.stopped()) {
                        jobs.forEach(job -> handBack(job.asked, pendingResult(job)));
                        jobs.clear();
                        return;
                    }
                }
                if (!queue.isEmpty() && now - nextSave >= 0) {
                    ask = queue.poll();
                } else {
                    poll = jobs.stream().filter(job -> now - job.nextPoll >= 0).findFirst().orElse(null);
                }
                if (ask == null && poll == null) {
                    long wake = drained ? deadline : now + Duration.ofSeconds(1).toNanos();
                    if (!queue.isEmpty()) {
                        wake = Math.min(wake, nextSave);
                    }
                    for (Job job : jobs) {
                        wake = Math.min(wake, job.nextPoll);
                    }
                    waitUntil(now, wake);
                    continue;
                }
            }
            if (ask != null) {
                ask(ask);
            } else {
                poll(poll);
            }
        }
    }

    /** Waits, holding the lock's monitor, until {@code wake} or a new save, at most a second (to see a stop). */
    private void waitUntil(long now, long wake) {
        long millis = Math.max(1, Math.min(1000, (wake - now) / 1_000_000));
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop("interrupted");
        }
    }

    /** Hands back the saves not yet asked for: refused keys fail them, a stop or the archive's waits leave them for the next run. */
    private void handBackQueue(long now) {
        while (!queue.isEmpty()) {
            Asked asked = queue.poll();
            if (refused != null) {
                failed++;
                handBack(asked, new Result(Kind.FAILED, null, null, null, refused));
            } else {
                deferred++;
                handBack(asked, new Result(Kind.DEFERRED, null, null, null, stop.stopped() ? "not saved: " + stop.reason()
                        : "not saved: the archive asked to wait " + MAX_WAITS + " times in a row (" + lastWait + ")"));
            }
        }
    }

    private void ask(Asked asked) {
        String url = asked.resource().fetchUrl();
        Instant at = clock.instant();
        SavePageNow.Answer answer;
        try {
            answer = api.request(url);
        } catch (ArchiveException e) {
            synchronized (lock) {
                nextSave = ticker.nanos() + spacing;
                if (e.kind() == ArchiveException.Kind.BLOCKED) {
                    refused = e.getMessage();
                }
                if (e.kind().defers()) {
                    deferred++;
                    handBack(asked, new Result(Kind.DEFERRED, null, at, null, e.getMessage()));
                } else {
                    failed++;
                    handBack(asked, new Result(Kind.FAILED, null, at, null, e.getMessage()));
                }
            }
            return;
        }
        synchronized (lock) {
            long now = ticker.nanos();
            nextSave = now + spacing;
            switch (answer.state()) {
                case PENDING, SUCCESS -> {
                    waitsInARow = 0;
                    requested++;
                    jobs.add(new Job(asked, answer.job(), at, now + seconds(FIRST_POLL)));
                }
                case WAIT -> {
                    waitsInARow++;
                    lastWait = answer.reason();
                    spacing *= 2;
                    nextSave = now + seconds(LONGEST_POLL);
                    queue.addFirst(asked);
                }
                case FAILED -> {
                    failed++;
                    handBack(asked, new Result(Kind.FAILED, null, at, null, answer.reason()));
                }
            }
        }
    }

    private void poll(Job job) {
        SavePageNow.Answer answer;
        try {
            answer = api.status(job.id, job.asked.resource().fetchUrl());
        } catch (ArchiveException e) {
            synchronized (lock) {
                if (e.kind().defers() || ++job.errors >= MAX_POLL_ERRORS) {
                    jobs.remove(job);
                    handBack(job.asked, pendingResult(job));
                } else {
                    job.nextPoll = ticker.nanos() + seconds(job.pause);
                }
            }
            return;
        }
        synchronized (lock) {
            switch (answer.state()) {
                case SUCCESS -> {
                    jobs.remove(job);
                    succeeded++;
                    handBack(job.asked, new Result(Kind.SAVED, job.id, job.requestedAt, answer.timestamp(), null));
                }
                case FAILED -> {
                    jobs.remove(job);
                    failed++;
                    handBack(job.asked, new Result(Kind.FAILED, job.id, job.requestedAt, null, answer.reason()));
                }
                case PENDING, WAIT -> {
                    job.pause = Math.min(LONGEST_POLL, job.pause * 1.5);
                    job.nextPoll = ticker.nanos() + seconds(job.pause);
                }
            }
        }
    }

    private Result pendingResult(Job job) {
        pending++;
        return new Result(Kind.PENDING, job.id, job.requestedAt, null, null);
    }

    private long seconds(double seconds) {
        return (long) (seconds * unit.toNanos());
    }

    private static void handBack(Asked asked, Result result) {
        asked.then().accept(result);
    }
}
