package org.snapcache.fetch;

import java.io.IOException;

/**
 * A body that broke off after its status line and headers had come: worth another try, but the
 * server answered, so it says nothing against the host being up.
 */
public final class BodyCutShortException extends IOException {

    BodyCutShortException(int status, IOException cause) {
        super("the body broke off after HTTP " + status + ": " + IoFailure.describe(cause), cause);
    }
}
