package org.snapcache.cli;

/** snapcache's exit codes; fixed, since schedulers and scripts act on them. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command ran but a resource failed, or {@code status --fail-on} found matching entries. */
    public static final int FAILURES = 1;
    /** Bad usage or invalid configuration; nothing was fetched. */
    public static final int USAGE = 2;
    /** The named resource is in neither the catalogue nor the cache. */
    public static final int UNKNOWN_RESOURCE = 3;
    /** Another run holds the cache lock. */
    public static final int LOCKED = 4;

    private ExitCodes() {}
}
