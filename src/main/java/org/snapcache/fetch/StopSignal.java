package org.snapcache.fetch;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells a run to wind down, for example when the operator sends SIGTERM: no new fetch starts, and
 * waits (for the rate limit, for a retry) end at once.
 */
public final class StopSignal {

    private final AtomicReference<String> reason = new AtomicReference<>();

    public void stop(String why) {
        reason.compareAndSet(null, why);
    }

    public boolean stopped() {
        return reason.get() != null;
    }

    public String reason() {
        return reason.get();
    }
}
