package org.snapcache.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.snapcache.Snapcache;
import org.snapcache.cache.CacheLock;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.LockHeldException;
import org.snapcache.cache.RunRecord;
import org.snapcache.config.InvalidEntry;
import org.snapcache.config.Resource;
import org.snapcache.pipeline.RefreshOutcome;
import org.snapcache.pipeline.RunPlan;

/**
 * What {@code run} and {@code refresh} share: hold the cache lock, clear what an interrupted run
 * left behind, refresh the resources, report each on stderr as it completes and sum up on stdout.
 * SIGTERM or SIGINT winds the run down: nothing new starts, and the summary is still printed.
 */
final class BatchRun {

    private BatchRun() {}

    /**
     * How a run reports as it goes, on stderr: a live progress line (on a terminal, unless quiet),
     * and one line per resource ({@code -v}); failures always get their line.
     */
    record Feedback(boolean progress, boolean verbose) {

        /** A progress line when the command runs on a terminal and was not asked to be quiet. */
        static Feedback of(boolean quiet, boolean verbose) {
            return new Feedback(!quiet && System.console() != null, verbose);
        }
    }

    /** A refresh of the resources named on the command line. */
    static int execute(Snapcache snapcache, RunPlan plan, String name, PrintWriter out, PrintWriter err, Feedback feedback)
            throws IOException, LockHeldException, InterruptedException {
        return execute(snapcache, plan, List.of(), false, name, out, err, feedback);
    }

    /**
     * @param invalid catalogue entries that cannot be fetched: each a failure line, counted, and exit 1
     * @param keepRecord whether to keep the {@link RunRecord} of what this run found new, as {@code run} does
     * @return the exit code: 0, or 1 when any resource failed, was invalid or was left for the next run
     */
    static int execute(Snapcache snapcache, RunPlan plan, List<InvalidEntry> invalid, boolean keepRecord, String name,
            PrintWriter out, PrintWriter err, Feedback feedback) throws IOException, LockHeldException, InterruptedException {
        long started = snapcache.environment().ticker().nanos();
        try (CacheLock lock = CacheLock.acquire(snapcache.store().dir(), snapcache.environment().clock().instant())) {
            int recovered = snapcache.store().recover();
            if (recovered > 0) {
                err.println(name + ": cleaned up " + recovered + " leftovers of an interrupted run");
            }
            for (InvalidEntry entry : invalid) {
                err.println("invalid " + entry.describe());
            }
            List<Resource> due = plan.due();
            AtomicInteger done = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Progress progress = feedback.progress() ? new Progress(err, name, due.size(), snapcache.environment().ticker()::nanos) : null;
            CountDownLatch finished = new CountDownLatch(1);
            Thread onSignal = new Thread(() -> {
                snapcache.stopSignal().stop("snapcache was asked to stop");
                awaitQuietly(finished, snapcache.settings().http().timeout().multipliedBy(2).plusSeconds(5));
            }, "snapcache-shutdown");
            Runtime.getRuntime().addShutdownHook(onSignal);
            try {
                List<RefreshOutcome> outcomes = snapcache.batch().refreshAll(due, snapcache.stopSignal(), (outcome, took) -> {
                    if (outcome.status() == RefreshOutcome.Status.DEFERRED) {
                        return; // the summary says why, once, instead of a line for each of thousands
                    }
                    synchronized (err) {
                        int count = done.incrementAndGet();
                        boolean failure = outcome.status() == RefreshOutcome.Status.FAILED;
                        if (failure) {
                            failed.incrementAndGet();
                        }
                        if (failure || feedback.verbose()) {
                            String line = progress(outcome, count, due.size()) + " (" + took.toMillis() + " ms)";
                            if (progress != null) {
                                progress.println(line);
                            } else {
                                err.println(line);
                            }
                        }
                        if (progress != null) {
                            progress.update(count, failed.get());
                        }
                        err.flush();
                    }
                });
                if (progress != null) {
                    synchronized (err) {
                        progress.clear();
                    }
                }
                String elapsed = Formats.seconds(snapcache.environment().ticker().nanos() - started);
                if (keepRecord) {
                    keepRecord(snapcache, outcomes, invalid, err);
                }
                return summarise(snapcache, plan, invalid.size(), name, outcomes, elapsed, out);
            } finally {
                out.flush();
                finished.countDown();
                removeQuietly(onSignal);
            }
        }
    }

    /**
     * Keeps what this run found new for {@code status --fail-on new}: failures that began in it (a
     * first failure after a success, or at a first attempt) and entries invalid now that were not
     * in the run before. A record that cannot be written costs the monitor, not the run: one line.
     */
    private static void keepRecord(Snapcache snapcache, List<RefreshOutcome> outcomes, List<InvalidEntry> invalid, PrintWriter err) {
        Set<String> before = RunRecord.read(snapcache.store().dir()).map(record -> Set.copyOf(record.invalid())).orElse(Set.of());
        List<RunRecord.NewFailure> newFailures = outcomes.stream()
                .filter(o -> o.status() == RefreshOutcome.Status.FAILED && o.meta().map(m -> m.consecutiveFailures() <= 1).orElse(true))
                .map(o -> new RunRecord.NewFailure(o.resource().id(), o.resource().url(), o.error().orElse("")))
                .toList();
        List<String> newlyInvalid = invalid.stream().filter(entry -> !before.contains(entry.key())).map(InvalidEntry::describe).toList();
        RunRecord record = new RunRecord(snapcache.environment().clock().instant(), newFailures,
                invalid.stream().map(InvalidEntry::key).toList(), newlyInvalid);
        try {
            record.write(snapcache.store().dir());
        } catch (IOException e) {
            err.println("run: cannot keep " + RunRecord.FILE + " for status --fail-on new: " + e.getMessage());
        }
    }

    private static int summarise(Snapcache snapcache, RunPlan plan, int invalid, String name, List<RefreshOutcome> outcomes,
            String elapsed, PrintWriter out) {
        long refreshed = count(outcomes, RefreshOutcome.Status.REFRESHED);
        long failed = count(outcomes, RefreshOutcome.Status.FAILED);
        long deferred = count(outcomes, RefreshOutcome.Status.DEFERRED);
        long changed = outcomes.stream().filter(RefreshOutcome::changed).count();
        long first = outcomes.stream().filter(RefreshOutcome::first).count();
        int total = plan.due().size() + plan.fresh() + plan.waiting() + plan.overLimit() + invalid;
        StringBuilder line = new StringBuilder(name + ": " + total + (total == 1 ? " resource" : " resources") + ": refreshed "
                + refreshed + " (" + first + " new, " + changed + " changed), failed " + failed);
        if (invalid > 0) {
            line.append(", invalid ").append(invalid);
        }
        if (deferred > 0) {
            line.append(", left for the next run ").append(deferred);
        }
        line.append(", skipped ").append(plan.fresh()).append(" fresh");
        if (plan.waiting() > 0) {
            line.append(" and ").append(plan.waiting()).append(" waiting to retry");
        }
        if (plan.overLimit() > 0) {
            line.append(", ").append(plan.overLimit()).append(" more due over --limit");
        }
        out.println(line.append(", in ").append(elapsed));
        for (RefreshOutcome outcome : outcomes) {
            if (outcome.changed()) {
                out.println("  changed " + outcome.resource().id() + " " + outcome.resource().url());
            }
        }
        for (Map.Entry<String, String> host : snapcache.health().stoppedHosts().entrySet()) {
            out.println(name + ": " + host.getValue());
        }
        if (snapcache.stopSignal().stopped()) {
            out.println(name + ": stopped early: " + snapcache.stopSignal().reason());
        }
        return failed > 0 || deferred > 0 || invalid > 0 ? ExitCodes.FAILURES : ExitCodes.OK;
    }

    private static long count(List<RefreshOutcome> outcomes, RefreshOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    private static String progress(RefreshOutcome outcome, int done, int total) {
        String head = "[" + done + "/" + total + "] ";
        Resource resource = outcome.resource();
        return switch (outcome.status()) {
            case FAILED -> head + "failed  " + resource.id() + " " + resource.url() + ": " + outcome.error().orElse("");
            case DEFERRED -> head + "later   " + resource.id() + " " + resource.url();
            case REFRESHED -> {
                EntryMeta meta = outcome.meta().orElseThrow();
                yield head + (outcome.first() ? "new     " : outcome.changed() ? "changed " : "same    ") + resource.id() + " HTTP " + meta.httpStatus()
                        + ", " + Formats.size(meta.contentLength()) + ", capture " + meta.captureTimestamp() + " " + resource.url();
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch, Duration limit) {
        try {
            latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already running its shutdown hooks; this one is among them
        }
    }
}
