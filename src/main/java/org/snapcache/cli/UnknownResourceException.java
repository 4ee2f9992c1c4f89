package org.snapcache.cli;

/** A command named a resource by id or URL that is in neither the catalogue nor the cache. */
public final class UnknownResourceException extends Exception {

    public UnknownResourceException(String given) {
        super(given + ": no such resource in the catalogue or the cache (give an id or a URL exactly as listed)");
    }
}
