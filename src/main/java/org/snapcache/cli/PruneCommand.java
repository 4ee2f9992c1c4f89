package org.snapcache.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.snapcache.pipeline.Prune;
import org.snapcache.pipeline.Snapcache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "prune",
        mixinStandardHelpOptions = true,
        description = {"Remove orphaned entries: cache folders of resources no longer in the catalogue.",
            "Holds the cache lock while it works, as run does. Refuses to remove more than half of the",
            "entries (a catalogue file gone missing looks just like that) unless --force."},
        footer = {"", "Example (see what would go, then remove it):", "  snapcache prune --dry-run", "  snapcache prune"})
final class PruneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Option(names = "--dry-run", description = "List the orphaned entries without removing them.")
    boolean dryRun;

    @Option(names = "--force", description = "Remove the orphaned entries even when they are more than half of the cache.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        try (Snapcache snapcache = parent.open()) {
            if (snapcache.settings().catalogueIsEmpty()) {
                throw new UsageException("the catalogue of " + snapcache.settings().configFile()
                        + " lists no resources (see resources and resource-files); prune would empty the cache, so it removes nothing");
            }
            Prune prune = new Prune(snapcache);
            PrintWriter out = spec.commandLine().getOut();
            if (dryRun) {
                List<Prune.Orphan> orphans = prune.orphans();
                orphans.forEach(orphan -> out.println("would remove " + orphan.described()));
                out.println("prune: " + entries(orphans.size()) + " would be removed (dry run)" + (!force && prune.tooMany(orphans.size())
                        ? "; more than half of the " + snapcache.store().ids().size() + " entries, so prune would refuse without --force"
                        : ""));
                out.flush();
                return ExitCodes.OK;
            }
            try {
                List<Prune.Orphan> removed = prune.remove(force, orphan -> out.println("removed " + orphan.described()));
                out.println("prune: removed " + entries(removed.size()));
                out.flush();
                return ExitCodes.OK;
            } catch (Prune.TooManyException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    private static String entries(int count) {
        return count + " orphaned " + (count == 1 ? "entry" : "entries");
    }
}
