package org.snapcache.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.snapcache.pipeline.Snapcache;
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
            CacheStore store = snapcache.store();
            PrintWriter out = spec.commandLine().getOut();
            if (dryRun) {
                List<String> orphans = orphans(snapcache);
                orphans.forEach(id -> out.println("would remove " + describe(store, id)));
                out.println("prune: " + orphans.size() + " orphaned " + (orphans.size() == 1 ? "entry" : "entries")
                        + " would be removed (dry run)" + (tooMany(orphans.size(), store) && !force
                        ? "; more than half of the " + store.ids().size() + " entries, so prune would refuse without --force" : ""));
                out.flush();
                return ExitCodes.OK;
            }
            try (CacheLock lock = CacheLock.acquire(store.dir(), snapcache.environment().clock().instant())) {
                List<String> orphans = orphans(snapcache);
                if (tooMany(orphans.size(), store) && !force) {
                    throw new UsageException("prune would remove " + orphans.size() + " of the " + store.ids().size()
                            + " entries, more than half: is a resource file missing from the catalogue? Nothing was removed;"
                            + " see them with prune --dry-run, and remove them with prune --force");
                }
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

    /** Whether removing {@code orphans} entries would take more than half of the cache. */
    private static boolean tooMany(int orphans, CacheStore store) throws IOException {
        return orphans > 0 && orphans * 2 > store.ids().size();
    }

    private static List<String> orphans(Snapcache snapcache) throws IOException {
        Set<String> known = new HashSet<>();
        for (Resource resource : snapcache.settings().resources()) {
            known.add(resource.id());
        }
        snapcache.settings().invalid().forEach(entry -> entry.folder().ifPresent(known::add));
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
