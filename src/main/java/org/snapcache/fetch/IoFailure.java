package org.snapcache.fetch;

import java.net.UnknownHostException;

/** How a failed request reads in a {@code lastError} or a summary: one line, saying what went wrong. */
public final class IoFailure {

    private IoFailure() {}

    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        if (failure instanceof UnknownHostException) {
            return "cannot resolve host " + failure.getMessage();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
