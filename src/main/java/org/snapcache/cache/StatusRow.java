package org.snapcache.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the freshness report.
 *
 * @param meta the entry's meta.json, when it could be read
 * @param problem why the entry is corrupt, or why a catalogue entry is invalid
 * @param listedTitle the title the catalogue gives
 * @param listedStableId the stable id the catalogue gives
 * @param source where the catalogue lists it, {@code file:line}; empty for entries it does not list
 */
public record StatusRow(String id, String url, Freshness state, Optional<EntryMeta> meta, Optional<String> problem,
        Optional<String> listedTitle, Optional<String> listedStableId, Optional<String> source) {

    public StatusRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(listedTitle, "listedTitle");
        Objects.requireNonNull(listedStableId, "listedStableId");
        Objects.requireNonNull(source, "source");
    }

    /** A row of an entry the catalogue does not describe. */
    public StatusRow(String id, String url, Freshness state, Optional<EntryMeta> meta, Optional<String> problem) {
        this(id, url, state, meta, problem, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The page's title as extracted, else the catalogue's: an entry never fetched still has a name. */
    public Optional<String> title() {
        return meta.map(EntryMeta::title).or(() -> listedTitle);
    }

    /** The stable id the entry recorded, else the catalogue's. */
    public Optional<String> stableId() {
        return meta.map(EntryMeta::stableId).or(() -> listedStableId);
    }

    /** What went wrong last: why it is corrupt or invalid, else the entry's last error. */
    public Optional<String> error() {
        return problem.or(() -> meta.map(EntryMeta::lastError));
    }
}
