package org.snapcache.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the freshness report.
 *
 * @param meta the entry's meta.json, when it could be read
 * @param problem why the entry is corrupt
 */
public record StatusRow(String id, String url, Freshness state, Optional<EntryMeta> meta, Optional<String> problem) {

    public StatusRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(problem, "problem");
    }
}
