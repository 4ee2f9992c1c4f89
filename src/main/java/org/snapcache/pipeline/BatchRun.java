package org.snapcache.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.snapcache.cache.CacheLock;
import org.snapcache.cache.LockHeldException;
import org.snapcache.cache.RunRecord;
import org.snapcache.config.ConfigException;
import org.snapcache.config.InvalidEntry;

/**
 * What {@code run} and {@code refresh} share: hold the cache lock, clear what an interrupted run
 * left behind, refresh the resources, and sum up. SIGTERM or SIGINT winds the run down: nothing
 * new starts, and the summary is still made.
 */
public final class BatchRun {

    private BatchRun() {}

    /**
     * What a run did.
     *
     * @param invalid catalogue entries that could not be fetched, each a failure
     * @param notes what an operator should know of the run itself: leftovers cleaned up, archives
     *     left alone, an early stop, one line each
     */
    public record Summary(String name, RunPlan plan, List<RefreshOutcome> outcomes, int invalid, Duration elapsed,
            List<String> notes) {

        public Summary {
            outcomes = List.copyOf(outcomes);
            notes = List.copyOf(notes);
        }

        public long count(RefreshOutcome.Status status) {
            return outcomes.stream().filter(o -> o.status() == status).count();
        }

        /** Whether any resource failed, was invalid or was left for the next run. */
        public boolean incomplete() {
            return count(RefreshOutcome.Status.FAILED) > 0 || count(RefreshOutcome.Status.DEFERRED) > 0 || invalid > 0;
        }

        /** The summary for people: a line of counts, a line for each changed text, then the notes. */
        public List<String> lines() {
            long first = outcomes.stream().filter(RefreshOutcome::first).count();
            long changed = outcomes.stream().filter(RefreshOutcome::changed).count();
            int total = plan.due().size() + plan.fresh() + plan.waiting() + plan.overLimit() + invalid;
            StringBuilder line = new StringBuilder(name + ": " + total + (total == 1 ? " resource" : " resources")
                    + ": refreshed " + count(RefreshOutcome.Status.REFRESHED) + " (" + first + " new, " + changed + " changed), failed "
                    + count(RefreshOutcome.Status.FAILED));
            if (invalid > 0) {
                line.append(", invalid ").append(invalid);
            }
            if (count(RefreshOutcome.Status.DEFERRED) > 0) {
                line.append(", left for the next run ").append(count(RefreshOutcome.Status.DEFERRED));
            }
            line.append(", skipped ").append(plan.fresh()).append(" fresh");
            if (plan.waiting() > 0) {
                line.append(" and ").append(plan.waiting()).append(" waiting to retry");
            }
            if (plan.overLimit() > 0) {
                line.append(", ").append(plan.overLimit()).append(" more due over --limit");
            }
            line.append(String.format(Locale.ROOT, ", in %.1fs", elapsed.toNanos() / 1e9));
            List<String> lines = new ArrayList<>(List.of(line.toString()));
            outcomes.stream().filter(RefreshOutcome::changed)
                    .forEach(o -> lines.add("  changed " + o.resource().id() + " " + o.resource().url()));
            notes.forEach(note -> lines.add(name + ": " + note));
            return lines;
        }
    }

    /**
     * @param invalid catalogue entries that cannot be fetched: counted as failures
     * @param keepRecord whether to keep the {@link RunRecord} of what this run found new, as {@code run} does
     * @param warn takes a line for stderr as soon as there is one (leftovers cleaned up, a record not kept)
     * @param onDone told of each resource as it completes, with how long it took
     * @param onSummary given the summary before the run lets go: a stopped run's JVM exits only after it
     */
    public static Summary execute(Snapcache snapcache, RunPlan plan, List<InvalidEntry> invalid, boolean keepRecord, String name,
            Consumer<String> warn, BiConsumer<RefreshOutcome, Duration> onDone, Consumer<Summary> onSummary)
            throws IOException, LockHeldException, ConfigException, InterruptedException {
        long started = snapcache.environment().ticker().nanos();
        try (CacheLock lock = CacheLock.acquire(snapcache.store().dir(), snapcache.environment().clock().instant())) {
            int recovered = snapcache.store().recover();
            if (recovered > 0) {
                warn.accept(name + ": cleaned up " + recovered + " leftovers of an interrupted run");
            }
            CountDownLatch finished = new CountDownLatch(1);
            Thread onSignal = new Thread(() -> {
                snapcache.stopSignal().stop("snapcache was asked to stop");
                awaitQuietly(finished, snapcache.settings().http().timeout().multipliedBy(2).plusSeconds(5));
            }, "snapcache-shutdown");
            Runtime.getRuntime().addShutdownHook(onSignal);
            try {
                BatchRefresher batch = snapcache.batch();
                List<RefreshOutcome> outcomes = new ArrayList<>(batch.refreshAll(plan.due(), snapcache.stopSignal(), onDone));
                Duration elapsed = Duration.ofNanos(snapcache.environment().ticker().nanos() - started);
                if (keepRecord) {
                    keepRecord(snapcache, batch, outcomes, invalid, warn);
                }
                List<String> notes = new ArrayList<>();
                batch.savesSummary().ifPresent(notes::add);
                notes.addAll(snapcache.health().stoppedHosts().values());
                if (snapcache.stopSignal().stopped()) {
                    notes.add("stopped early: " + snapcache.stopSignal().reason());
                }
                Summary summary = new Summary(name, plan, outcomes, invalid.size(), elapsed, notes);
                onSummary.accept(summary);
                return summary;
            } finally {
                finished.countDown();
                removeQuietly(onSignal);
            }
        }
    }

    /**
     * Keeps what this run found new for {@code status --fail-on new}: failures that began in it (a
     * first failure after a success, or at a first attempt) and entries invalid now that were not
     * in the run before. A resource left for the next run {@link RunRecord#MAX_PUT_OFF} runs in a row
     * (the archive looked down each time, or the run was stopped before it) is recorded as failed,
     * in {@code outcomes} too, so that it enters the retry pauses and the monitor sees it. A record
     * that cannot be written costs the monitor, not the run: one line.
     */
    private static void keepRecord(Snapcache snapcache, BatchRefresher batch, List<RefreshOutcome> outcomes,
            List<InvalidEntry> invalid, Consumer<String> warn) {
        Optional<RunRecord> last = RunRecord.read(snapcache.store().dir());
        Map<String, Integer> putOffBefore = last.map(RunRecord::putOff).orElse(Map.of());
        Map<String, Integer> putOff = new HashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            RefreshOutcome outcome = outcomes.get(i);
            if (outcome.status() == RefreshOutcome.Status.DEFERRED) {
                int runs = putOffBefore.getOrDefault(outcome.resource().id(), 0) + 1;
                if (runs >= RunRecord.MAX_PUT_OFF) {
                    outcomes.set(i, batch.recordFailure(outcome.resource(),
                            "left for the next run " + runs + " runs in a row, last: " + outcome.error().orElse("")));
                } else {
                    putOff.put(outcome.resource().id(), runs);
                }
            }
        }
        Set<String> before = last.map(record -> Set.copyOf(record.invalid())).orElse(Set.of());
        List<RunRecord.NewFailure> newFailures = outcomes.stream()
                .filter(o -> o.status() == RefreshOutcome.Status.FAILED && o.meta().map(m -> m.consecutiveFailures() <= 1).orElse(true))
                .map(o -> new RunRecord.NewFailure(o.resource().id(), o.resource().url(), o.error().orElse("")))
                .toList();
        List<String> newlyInvalid = invalid.stream().filter(entry -> !before.contains(entry.key())).map(InvalidEntry::describe).toList();
        RunRecord record = new RunRecord(snapcache.environment().clock().instant(), newFailures,
                invalid.stream().map(InvalidEntry::key).toList(), newlyInvalid, putOff);
        try {
            record.write(snapcache.store().dir());
        } catch (IOException e) {
            warn.accept("run: cannot keep " + RunRecord.FILE + " for status --fail-on new: " + e.getMessage());
        }
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
