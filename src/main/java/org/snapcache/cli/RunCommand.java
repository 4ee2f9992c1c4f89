package org.snapcache.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.snapcache.pipeline.Snapcache;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.StatusReport;
import org.snapcache.config.Durations;
import org.snapcache.config.InvalidEntry;
import org.snapcache.config.Resource;
import org.snapcache.config.SaveSettings;
import org.snapcache.pipeline.RunPlan;
import org.snapcache.pipeline.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"The nightly job: refresh every catalogue resource that is missing, stale, corrupt, or failed",
            "and due for its retry (failing resources are retried after 1, 2, 4, ... days, at most max-age)."},
        footer = {"", "Example (crontab, 03:17 every night):",
            "  17 3 * * *  cd /srv/wiki && ./snapcache run >> snapcache.log 2>&1",
            "Example (see tonight's work; then at most 500 resources within two hours):",
            "  snapcache run --dry-run", "  snapcache run --limit 500 --time-budget 2h",
            "Example (machine 2 of 4 sharing the catalogue):", "  snapcache run --shard 2/4"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Option(names = "--retry-failed", description = "Try failing resources now, whatever their retry pause.")
    boolean retryFailed;

    @Option(names = "--dry-run", description = "List what would be fetched, and why, and fetch nothing.")
    boolean dryRun;

    @Option(names = "--limit", paramLabel = "N", description = "Fetch at most N resources, oldest preview first.")
    Integer limit;

    @Option(names = "--time-budget", paramLabel = "DURATION",
            description = "Start no new fetch after this long (30m, 2h); what is left waits for the next run.")
    String timeBudget;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Take only shard I of N of the catalogue (by a hash of each id), so that N machines share it.")
    String shard;

    @Option(names = "--request-log", paramLabel = "FILE",
            description = "Write a line for every archive request as it starts (seconds since the first, host) to FILE.")
    Path requestLog;

    @Option(names = {"-q", "--quiet"}, description = "No progress line, even on a terminal.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (limit != null && limit < 1) {
            throw new UsageException("--limit: must be at least 1, got " + limit);
        }
        Duration budget = timeBudget == null ? null : Durations.parse(timeBudget).filter(d -> !d.isNegative())
                .orElseThrow(() -> new UsageException("--time-budget: \"" + timeBudget + "\" is not a duration such as 30m or 2h"));
        Shard part;
        try {
            part = shard == null ? new Shard(1, 1) : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--shard: " + e.getMessage());
        }
        try (Snapcache snapcache = parent.open()) {
            PrintWriter err = spec.commandLine().getErr();
            if (snapcache.settings().catalogueIsEmpty()) {
                throw new UsageException("the catalogue of " + snapcache.settings().configFile()
                        + " lists no resources (see resources and resource-files); nothing to run");
            }
            snapcache.settings().warnings().forEach(warning -> err.println("warning: " + warning));
            err.flush();
            if (requestLog != null) {
                try {
                    snapcache.logRequestsTo(requestLog);
                } catch (IOException e) {
                    throw new UsageException("--request-log: cannot write " + requestLog + ": "
                            + (e instanceof NoSuchFileException ? "no such folder" : e.getMessage()));
                }
            }
            Instant now = snapcache.environment().clock().instant();
            List<Resource> catalogue = part.of(snapcache.settings().resources());
            List<InvalidEntry> invalid = snapcache.settings().invalid().stream()
                    .filter(entry -> entry.shownId().map(part::holds).orElse(part.index() == 1)).toList();
            StatusReport report = StatusReport.of(catalogue, snapcache.store(), now, snapcache.settings().maxAge());
            RunPlan plan = RunPlan.of(catalogue, report, now, snapcache.settings().maxAge(), retryFailed);
            if (limit != null) {
                plan = plan.limitedTo(limit, report);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (snapcache.settings().save().isPresent()) {
                snapcache.saveKeys(); // a night without them would fail every save: say so now, dry run or not
            }
            if (dryRun) {
                // one write at the end rather than a flush for each of 100,000 lines
                PrintWriter lines = new PrintWriter(new BufferedWriter(out, 1 << 16), false);
                if (snapcache.settings().save().isPresent()) {
                    saves(plan, report, snapcache.settings().save().get(), lines);
                }
                dryRun(plan, invalid, catalogue.size(), snapcache.settings().http().requestsPerMinute(), budget, part, lines);
                lines.flush();
                return ExitCodes.OK;
            }
            if (budget != null) {
                snapcache.stopSignal().stopAfter(budget, "the time budget of " + timeBudget.trim() + " is used up");
            }
            return RunOutput.execute(snapcache, plan, invalid, true, "run", out, err, RunOutput.Feedback.of(quiet, parent.verbose));
        }
    }

    /** What a run would fetch and why, what it cannot, and, last, what the night costs. */
    private void dryRun(RunPlan plan, List<InvalidEntry> invalid, int of, int requestsPerMinute, Duration budget, Shard part,
            PrintWriter out) {
        for (Resource resource : plan.due()) {
            out.println("would fetch " + resource.id() + " " + resource.url() + " (" + plan.reason(resource) + ")");
        }
        for (InvalidEntry entry : invalid) {
            out.println("cannot fetch " + entry.describe());
        }
        out.println("run --dry-run: " + plan.due().size() + " due of " + of + (shard == null ? "" : " (shard " + part + ")") + "; "
                + plan.fresh() + " fresh, " + plan.waiting() + " waiting to retry"
                + (plan.overLimit() > 0 ? ", " + plan.overLimit() + " more over --limit" : "")
                + (invalid.isEmpty() ? "" : ", " + invalid.size() + " invalid"));
        out.println(cost(plan, of, requestsPerMinute, budget));
    }

    /**
     * The resources a run would ask the archive to save: those it had no capture of at their last
     * attempt, due again, or with a save pending to check; and what that costs at the save rate.
     */
    private static void saves(RunPlan plan, StatusReport report, SaveSettings save, PrintWriter out) {
        Map<String, EntryMeta> metas = new HashMap<>();
        report.rows().forEach(row -> row.meta().ifPresent(meta -> metas.put(row.id(), meta)));
        int asked = 0;
        int pending = 0;
        for (Resource resource : plan.due()) {
            EntryMeta meta = metas.get(resource.id());
            if (meta != null && meta.saveJob() != null) {
                pending++;
                out.println("would check save " + resource.id() + " " + resource.url() + " (Save Page Now job " + meta.saveJob()
                        + ", asked for at " + meta.saveRequestedAt() + ")");
            } else if (meta != null && meta.lastError() != null && meta.lastError().startsWith("not archived")) {
                asked++;
                out.println("would save " + resource.id() + " " + resource.url() + " (not archived at its last attempt, "
                        + meta.lastAttemptAt() + ")");
            }
        }
        long never = plan.due().stream().filter(resource -> !metas.containsKey(resource.id())).count();
        out.println("would ask the archive to save " + Formats.count(asked) + (asked == 1 ? " resource" : " resources")
                + " if still not archived, about " + Formats.duration(Duration.ofMillis(asked * 60_000L / save.perMinute())) + " at "
                + save.perMinute() + " saves/minute, and check " + Formats.count(pending) + " pending"
                + (never > 0 ? "; and any of the " + Formats.count(never) + " never fetched that the archive has no capture of" : ""));
    }

    /**
     * The dry run's last line: what the night costs the archive and how long it takes at the
     * configured rate, counting two requests for a latest capture (the redirect to it, then the
     * capture) and one for a pin to an exact 14-digit capture; with a time budget, how many fit.
     */
    static String cost(RunPlan plan, int of, int requestsPerMinute, Duration budget) {
        long requests = 0;
        int fit = 0;
        for (Resource resource : plan.due()) {
            requests += RunPlan.requests(resource);
            if (budget != null && requests * 60_000L / requestsPerMinute <= budget.toMillis()) {
                fit++;
            }
        }
        String line = "would fetch " + Formats.count(plan.due().size()) + " of " + Formats.count(of) + ": about "
                + Formats.count(requests) + (requests == 1 ? " request" : " requests") + ", about "
                + Formats.duration(Duration.ofMillis(requests * 60_000L / requestsPerMinute)) + " at "
                + Formats.count(requestsPerMinute) + " requests/minute";
        return budget == null ? line : line + "; " + Formats.count(fit) + " fit in the time budget of "
                + Formats.duration(budget);
    }
}
