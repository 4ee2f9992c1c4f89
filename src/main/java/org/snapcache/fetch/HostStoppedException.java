package org.snapcache.fetch;

import java.io.IOException;

/**
 * snapcache stopped asking a host for the rest of the run: it rate-limited us again and again, or
 * it is down. The resources not yet fetched from it are left for the next run.
 */
public final class HostStoppedException extends IOException {

    private final String host;

    public HostStoppedException(String host, String reason) {
        super(reason);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
