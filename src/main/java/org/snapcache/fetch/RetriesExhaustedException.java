package org.snapcache.fetch;

import java.io.IOException;

/**
 * The archive kept failing: every try ended in a server error or a connection problem.
 *
 * @see RetryInterceptor
 */
public final class RetriesExhaustedException extends IOException {

    private final String url;
    private final int tries;
    private final int lastStatus;

    /** @param lastStatus the last HTTP status, or 0 when the last try got no response at all */
    public RetriesExhaustedException(String url, int tries, int lastStatus, IOException cause) {
        super(describe(tries, lastStatus, cause), cause);
        this.url = url;
        this.tries = tries;
        this.lastStatus = lastStatus;
    }

    private static String describe(int tries, int lastStatus, IOException cause) {
        String what = lastStatus > 0 ? "archive answered " + lastStatus : "connection failed (" + IoFailure.describe(cause) + ")";
        return what + " after " + tries + (tries == 1 ? " try" : " tries");
    }

    public String url() {
        return url;
    }

    public int tries() {
        return tries;
    }

    public int lastStatus() {
        return lastStatus;
    }
}
