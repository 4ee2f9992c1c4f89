package org.snapcache.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.snapcache.cache.EntryMeta;
import org.snapcache.config.InvalidEntry;
import org.snapcache.config.Resource;
import org.snapcache.pipeline.BatchRun;
import org.snapcache.pipeline.RefreshOutcome;
import org.snapcache.pipeline.RunPlan;
import org.snapcache.pipeline.Snapcache;

/**
 * How {@code run} and {@code refresh} speak while a {@link BatchRun} works: on stderr a live
 * progress line (on a terminal, unless quiet), a line for each failure and, with {@code -v}, for
 * every resource; on stdout the summary.
 */
final class RunOutput {

    private RunOutput() {}

    /** What is shown as the run goes. */
    record Feedback(boolean progress, boolean verbose) {

        /** A progress line when the command runs on a terminal and was not asked to be quiet. */
        static Feedback of(boolean quiet, boolean verbose) {
            return new Feedback(!quiet && System.console() != null, verbose);
        }
    }

    /** @return the exit code: 0, or 1 when any resource failed, was invalid or was left for the next run */
    static int execute(Snapcache snapcache, RunPlan plan, List<InvalidEntry> invalid, boolean keepRecord, String name,
            PrintWriter out, PrintWriter err, Feedback feedback) throws Exception {
        for (InvalidEntry entry : invalid) {
            err.println("invalid " + entry.describe());
        }
        int total = plan.due().size();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Progress progress = feedback.progress() ? new Progress(err, name, total, snapcache.environment().ticker()::nanos) : null;
        BatchRun.Summary summary = BatchRun.execute(snapcache, plan, invalid, keepRecord, name, line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }, (outcome, took) -> {
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
                    String line = line(outcome, count, total) + " (" + took.toMillis() + " ms)";
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
        }, finished -> {
            if (progress != null) {
                synchronized (err) {
                    progress.clear();
                }
            }
            finished.lines().forEach(out::println);
            out.flush();
        });
        return summary.incomplete() ? ExitCodes.FAILURES : ExitCodes.OK;
    }

    private static String line(RefreshOutcome outcome, int done, int total) {
        String head = "[" + done + "/" + total + "] ";
        Resource resource = outcome.resource();
        return switch (outcome.status()) {
            case FAILED -> head + "failed  " + resource.id() + " " + resource.url() + ": " + outcome.error().orElse("");
            case DEFERRED -> head + "later   " + resource.id() + " " + resource.url();
            case REFRESHED -> {
                EntryMeta meta = outcome.meta().orElseThrow();
                yield head + (outcome.first() ? "new     " : outcome.changed() ? "changed " : "same    ") + resource.id() + " HTTP "
                        + meta.httpStatus() + ", " + Formats.size(meta.contentLength()) + ", capture " + meta.captureTimestamp() + " "
                        + resource.url();
            }
        };
    }
}
