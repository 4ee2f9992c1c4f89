package org.snapcache.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.snapcache.Snapcache;
import org.snapcache.cache.CacheLock;
import org.snapcache.cache.CacheStore;
import org.snapcache.cache.CorruptEntryException;
import org.snapcache.cache.EntryMeta;
import org.snapcache.config.Resource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "prune",
        mixinStandardHelpOptions = true,
        description = {"Remove orphaned entries: cache folders of resources no longer in the catalogue.",
            "Holds the cache lock while it works, as run does."},
        footer = {"", "Example (see what would go, then remove it):", "  snapcache prune --dry-run", "  snapcache prune"})
final class PruneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Option(names = "--dry-run", description = "List the orphaned entries without removing them.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        try (Snapcache snapcache = parent.open()) {
            CacheStore store = snapcache.store();
            PrintWriter out = spec.commandLine().getOut();
            if (dryRun) {
                List<String> orphans = orphans(snapcache);
                orphans.forEach(id -> out.println("would remove " + describe(store, id)));
                out.println("prune: " + orphans.size() + " orphaned " + (orphans.size() == 1 ? "entry" : "entries")
                        + " would be removed (dry run)");
                out.flush();
                return ExitCodes.OK;
            }
            try (CacheLock lock = CacheLock.acquire(store.dir(), snapcache.environment().clock().instant())) {
                List<String> orphans = orphans(snapcache);
                for (String id : orphans) {
                    String described = describe(store, id);
                    store.remove(id);
                    out.println("removed " + described);
                }
                out.println("prune: removed " + orphans.size() + " orphaned " + (orphans.size() == 1 ? "entry" : "entries"));
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    private static List<String> orphans(Snapcache snapcache) throws java.io.IOException {
        Set<String> known = new HashSet<>();
        for (Resource resource : snapcache.settings().resources()) {
            known.add(resource.id());
        }
        return snapcache.store().ids().stream().filter(id -> !known.contains(id)).toList();
    }

    /** The entry's id and, if its meta.json says, the URL it was for. */
    private static String describe(CacheStore store, String id) {
        try {
            return id + store.readMeta(id).map(EntryMeta::url).map(url -> " " + url).orElse("");
        } catch (CorruptEntryException e) {
            return id + " (corrupt)";
        }
    }
}
