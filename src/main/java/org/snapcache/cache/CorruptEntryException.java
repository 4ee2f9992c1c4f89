package org.snapcache.cache;

import java.nio.file.Path;

/** A cache entry whose files cannot be read or disagree with each other. */
public final class CorruptEntryException extends Exception {

    private final Path path;

    public CorruptEntryException(Path path, String reason) {
        super(path + ": " + reason);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
