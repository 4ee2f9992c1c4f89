package org.snapcache.fetch;

import java.io.IOException;

/** A response body was larger than {@code http.max-body} allows; reading stopped at the limit. */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException(String url, long limit) {
        super("response larger than " + limit + " bytes: " + url);
    }
}
