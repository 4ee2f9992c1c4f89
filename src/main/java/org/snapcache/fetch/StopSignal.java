package org.snapcache.fetch;

import java.time.Duration;
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

    /** Stops the run once {@code budget} has passed (of wall time, from now), unless it ends first. */
    public void stopAfter(Duration budget, String why) {
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(budget.toMillis());
                stop(why);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "snapcache-time-budget");
        timer.setDaemon(true);
        timer.start();
    }

    public boolean stopped() {
        return reason.get() != null;
    }

    public String reason() {
        return reason.get();
    }
}
