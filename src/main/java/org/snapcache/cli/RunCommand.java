package org.snapcache.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.snapcache.Snapcache;
import org.snapcache.cache.StatusReport;
import org.snapcache.cache.StatusRow;
import org.snapcache.config.Resource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = "The nightly job: refresh every catalogue resource that is missing, stale, failed or corrupt.",
        footer = {"", "Example (crontab, 03:17 every night):",
            "  17 3 * * *  cd /srv/wiki && ./snapcache run >> snapcache.log 2>&1"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Override
    public Integer call() throws Exception {
        try (Snapcache snapcache = parent.open()) {
            StatusReport report = StatusReport.of(snapcache.settings().resources(), snapcache.store(),
                    snapcache.environment().clock().instant(), snapcache.settings().maxAge());
            Map<String, Resource> byId = snapcache.settings().resources().stream()
                    .collect(Collectors.toMap(Resource::id, Function.identity()));
            List<Resource> due = new ArrayList<>();
            int fresh = 0;
            for (StatusRow row : report.rows()) {
                Resource resource = byId.get(row.id());
                if (resource == null) {
                    continue;
                }
                if (row.state().isDue()) {
                    due.add(resource);
                } else {
                    fresh++;
                }
            }
            return BatchRun.execute(snapcache, due, fresh, "run", spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
