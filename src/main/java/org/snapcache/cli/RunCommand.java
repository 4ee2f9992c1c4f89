package org.snapcache.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.snapcache.Snapcache;
import org.snapcache.cache.StatusReport;
import org.snapcache.pipeline.RunPlan;
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
            "  17 3 * * *  cd /srv/wiki && ./snapcache run >> snapcache.log 2>&1"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Option(names = "--retry-failed", description = "Try failing resources now, whatever their retry pause.")
    boolean retryFailed;

    @Option(names = "--request-log", paramLabel = "FILE",
            description = "Write a line for every archive request as it starts (seconds since the first, host) to FILE.")
    Path requestLog;

    @Override
    public Integer call() throws Exception {
        try (Snapcache snapcache = parent.open()) {
            if (requestLog != null) {
                try {
                    snapcache.logRequestsTo(requestLog);
                } catch (IOException e) {
                    throw new UsageException("--request-log: cannot write " + requestLog + ": "
                            + (e instanceof NoSuchFileException ? "no such folder" : e.getMessage()));
                }
            }
            Instant now = snapcache.environment().clock().instant();
            StatusReport report = StatusReport.of(snapcache.settings().resources(), snapcache.store(), now,
                    snapcache.settings().maxAge());
            RunPlan plan = RunPlan.of(snapcache.settings().resources(), report, now, snapcache.settings().maxAge(), retryFailed);
            return BatchRun.execute(snapcache, plan, "run", spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
