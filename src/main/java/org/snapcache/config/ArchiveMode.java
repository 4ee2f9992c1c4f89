package org.snapcache.config;

/** How captures are read from the archive. */
public enum ArchiveMode {
    /** {@code <ts>id_/url}: the captured bytes as they were, no toolbar, links not rewritten. */
    RAW("id_"),
    /** {@code <ts>/url}: the replay page, whose injected chrome is stripped. */
    PLAYBACK("");

    private final String modifier;

    ArchiveMode(String modifier) {
        this.modifier = modifier;
    }

    /** The Wayback URL modifier that follows the timestamp. */
    public String modifier() {
        return modifier;
    }
}
