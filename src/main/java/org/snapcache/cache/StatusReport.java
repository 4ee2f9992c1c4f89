package org.snapcache.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.snapcache.config.InvalidEntry;
import org.snapcache.config.Resource;

/**
 * The state of every catalogue resource, of the catalogue's entries that cannot be fetched as
 * written, then of cache entries the catalogue no longer names.
 */
public final class StatusReport {

    private final List<StatusRow> rows;

    private StatusReport(List<StatusRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads each entry once, several at a time, through the cache's {@link StatusIndex}: an entry
     * unchanged since the last report costs two {@code lstat} calls, any other one a read of its
     * meta.json (see {@link CacheStore#readMeta}).
     */
    public static StatusReport of(List<Resource> catalogue, CacheStore store, Instant now, Duration maxAge) throws IOException {
        return of(catalogue, List.of(), StatusIndex.open(store, now), now, maxAge);
    }

    /**
     * As {@link #of(List, CacheStore, Instant, Duration)}, with the catalogue's invalid entries,
     * through an index opened earlier. The folder of an invalid entry is not reported orphaned.
     */
    public static StatusReport of(List<Resource> catalogue, List<InvalidEntry> invalid, StatusIndex index, Instant now,
            Duration maxAge) throws IOException {
        CacheStore store = index.store();
        Set<String> known = new HashSet<>();
        for (Resource resource : catalogue) {
            known.add(resource.id());
        }
        invalid.forEach(entry -> entry.folder().ifPresent(known::add));
        List<String> orphans = new ArrayList<>();
        for (String name : store.entryNames()) {
            if (!known.contains(name) && Files.isDirectory(store.entryDir(name), LinkOption.NOFOLLOW_LINKS)) {
                orphans.add(name);
            }
        }
        orphans.sort(null);
        ForkJoinPool pool = new ForkJoinPool(READERS);
        try {
            List<StatusRow> rows = new ArrayList<>(pool.submit(() -> catalogue.parallelStream()
                    .map(resource -> row(index, resource, now, maxAge)).toList()).get());
            for (InvalidEntry entry : invalid) {
                rows.add(new StatusRow(entry.shownId().orElse("-"), entry.url().orElse(""), Freshness.INVALID, Optional.empty(),
                        Optional.of(entry.reason()), entry.title(), entry.stableId(), Optional.of(entry.source())));
            }
            rows.addAll(pool.submit(() -> orphans.parallelStream().map(id -> orphan(index, id)).toList()).get());
            index.save();
            return new StatusReport(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the cache", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the cache", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Threads reading entries at once: the reads wait on the file system more than on a core. */
    private static final int READERS = 8;

    private static StatusRow row(StatusIndex index, Resource resource, Instant now, Duration maxAge) {
        Optional<EntryMeta> meta;
        Freshness state;
        Optional<String> problem = Optional.empty();
        try {
            meta = index.readMeta(resource.id());
            state = Freshness.of(meta, now, maxAge);
            if (state == Freshness.STALE && Freshness.fromTheFuture(meta.get(), now)) {
                problem = Optional.of("fetchedAt " + meta.get().fetchedAt() + " is in the future (a wrong clock or a hand edit)");
            }
        } catch (CorruptEntryException e) {
            meta = Optional.empty();
            state = Freshness.CORRUPT;
            problem = Optional.of(e.getMessage());
        }
        return new StatusRow(resource.id(), resource.url(), state, meta, problem, resource.title(), resource.stableId(),
                Optional.of(resource.source()));
    }

    private static StatusRow orphan(StatusIndex index, String id) {
        try {
            Optional<EntryMeta> meta = index.readMeta(id);
            return new StatusRow(id, meta.map(EntryMeta::url).orElse(""), Freshness.ORPHANED, meta, Optional.empty());
        } catch (CorruptEntryException e) {
            return new StatusRow(id, "", Freshness.CORRUPT, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    public List<StatusRow> rows() {
        return rows;
    }

    public Map<Freshness, Integer> counts() {
        Map<Freshness, Integer> counts = new EnumMap<>(Freshness.class);
        for (StatusRow row : rows) {
            counts.merge(row.state(), 1, Integer::sum);
        }
        return counts;
    }
}
