package org.snapcache.cache;

import java.nio.file.Path;

/** Another snapcache process is writing to the cache. */
public final class LockHeldException extends Exception {

    public LockHeldException(Path lockFile, String holder) {
        super("another snapcache run holds " + lockFile + (holder.isBlank() ? "" : " (" + holder.strip() + ")")
                + "; try again when it has finished");
    }
}
