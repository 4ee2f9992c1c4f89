package org.snapcache.cache;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snapcache.config.Resource;

/** The state of every catalogue resource, then of cache entries the catalogue no longer names. */
public final class StatusReport {

    private final List<StatusRow> rows;

    private StatusReport(List<StatusRow> rows) {
        this.rows = List.copyOf(rows);
    }

    public static StatusReport of(List<Resource> catalogue, CacheStore store, Instant now, Duration maxAge) throws IOException {
        List<StatusRow> rows = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Resource resource : catalogue) {
            known.add(resource.id());
            try {
                Optional<EntryMeta> meta = store.read(resource.id()).map(CachedEntry::meta);
                rows.add(new StatusRow(resource.id(), resource.url(), Freshness.of(meta, now, maxAge), meta, Optional.empty()));
            } catch (CorruptEntryException e) {
                rows.add(new StatusRow(resource.id(), resource.url(), Freshness.CORRUPT, Optional.empty(), Optional.of(e.getMessage())));
            }
        }
        for (String id : store.ids()) {
            if (known.contains(id)) {
                continue;
            }
            try {
                Optional<EntryMeta> meta = store.read(id).map(CachedEntry::meta);
                rows.add(new StatusRow(id, meta.map(EntryMeta::url).orElse(""), Freshness.ORPHANED, meta, Optional.empty()));
            } catch (CorruptEntryException e) {
                rows.add(new StatusRow(id, "", Freshness.CORRUPT, Optional.empty(), Optional.of(e.getMessage())));
            }
        }
        return new StatusReport(rows);
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
