package org.snapcache.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.snapcache.Snapcache;
import org.snapcache.cache.CacheLock;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.LockHeldException;
import org.snapcache.config.Resource;
import org.snapcache.pipeline.RefreshOutcome;

/**
 * What {@code run} and {@code refresh} share: hold the cache lock, clear what an interrupted run
 * left behind, refresh the resources, report each on stderr as it completes and sum up on stdout.
 */
final class BatchRun {

    private BatchRun() {}

    /** @return the exit code: 0, or 1 when any resource failed */
    static int execute(Snapcache snapcache, List<Resource> due, int skippedFresh, String name, PrintWriter out,
            PrintWriter err) throws IOException, LockHeldException, InterruptedException {
        long started = snapcache.environment().ticker().nanos();
        try (CacheLock lock = CacheLock.acquire(snapcache.store().dir(), snapcache.environment().clock().instant())) {
            snapcache.store().removeLeftovers();
            AtomicInteger done = new AtomicInteger();
            List<RefreshOutcome> outcomes = snapcache.batch().refreshAll(due, outcome -> {
                synchronized (err) {
                    err.println(progress(outcome, done.incrementAndGet(), due.size()));
                    err.flush();
                }
            });
            long refreshed = outcomes.stream().filter(RefreshOutcome::succeeded).count();
            long changed = outcomes.stream().filter(RefreshOutcome::changed).count();
            long failed = outcomes.size() - refreshed;
            String elapsed = Formats.seconds(snapcache.environment().ticker().nanos() - started);
            out.println(name + ": " + (due.size() + skippedFresh) + " resources: refreshed " + refreshed + " (" + changed
                    + " changed), failed " + failed + ", skipped " + skippedFresh + " fresh, in " + elapsed);
            return failed > 0 ? ExitCodes.FAILURES : ExitCodes.OK;
        }
    }

    private static String progress(RefreshOutcome outcome, int done, int total) {
        String head = "[" + done + "/" + total + "] ";
        Resource resource = outcome.resource();
        if (!outcome.succeeded()) {
            return head + "failed  " + resource.id() + " " + resource.url() + ": " + outcome.error().orElse("");
        }
        EntryMeta meta = outcome.meta().orElseThrow();
        return head + (outcome.changed() ? "changed " : "same    ") + resource.id() + " HTTP " + meta.httpStatus() + ", "
                + Formats.size(meta.contentLength()) + ", capture " + meta.captureTimestamp() + " " + resource.url();
    }
}
