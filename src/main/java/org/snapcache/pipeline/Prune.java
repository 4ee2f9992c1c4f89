package org.snapcache.pipeline;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.snapcache.cache.CacheLock;
import org.snapcache.config.ConfigException;
import org.snapcache.cache.CacheStore;
import org.snapcache.cache.CorruptEntryException;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.LockHeldException;
import org.snapcache.config.Resource;

/**
 * Removes orphaned entries, the cache folders of resources no longer in the catalogue, holding the
 * cache lock as a run does. The folder of a catalogue entry that cannot be fetched as written is
 * not an orphan. It refuses to take more than half of the cache unless forced: a resource file
 * gone missing looks just like that.
 */
public final class Prune {

    /** An orphaned entry: its id and, where its meta.json says, its URL. */
    public record Orphan(String id, String described) {}

    /** Prune would remove more than half of the entries, and was not forced. */
    public static final class TooManyException extends Exception {
        TooManyException(int orphans, int entries) {
            super("prune would remove " + orphans + " of the " + entries + " entries, more than half: is a resource file"
                    + " missing from the catalogue? Nothing was removed; see them with prune --dry-run, and remove them with"
                    + " prune --force");
        }
    }

    private final Snapcache snapcache;

    public Prune(Snapcache snapcache) {
        this.snapcache = snapcache;
    }

    /** The orphaned entries, described. */
    public List<Orphan> orphans() throws IOException {
        Set<String> known = new HashSet<>();
        for (Resource resource : snapcache.settings().resources()) {
            known.add(resource.id());
        }
        snapcache.settings().invalid().forEach(entry -> entry.folder().ifPresent(known::add));
        CacheStore store = snapcache.store();
        return store.ids().stream().filter(id -> !known.contains(id)).map(id -> new Orphan(id, describe(store, id))).toList();
    }

    /** Whether removing {@code orphans} entries would take more than half of the cache. */
    public boolean tooMany(int orphans) throws IOException {
        return orphans > 0 && orphans * 2 > snapcache.store().ids().size();
    }

    /** Removes the orphaned entries under the cache lock, telling {@code removed} of each. */
    public List<Orphan> remove(boolean force, Consumer<Orphan> removed) throws IOException, LockHeldException, ConfigException, TooManyException {
        try (CacheLock lock = CacheLock.acquire(snapcache.store().dir(), snapcache.environment().clock().instant())) {
            List<Orphan> orphans = orphans();
            if (!force && tooMany(orphans.size())) {
                throw new TooManyException(orphans.size(), snapcache.store().ids().size());
            }
            for (Orphan orphan : orphans) {
                snapcache.store().remove(orphan.id());
                removed.accept(orphan);
            }
            return orphans;
        }
    }

    private static String describe(CacheStore store, String id) {
        try {
            return id + store.readMeta(id).map(EntryMeta::url).map(url -> " " + url).orElse("");
        } catch (CorruptEntryException e) {
            return id + " (corrupt)";
        }
    }
}
