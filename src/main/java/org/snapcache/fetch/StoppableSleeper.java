package org.snapcache.fetch;

import java.time.Duration;

/** A sleeper whose waits end early, with an {@link InterruptedException}, once the run is told to stop. */
public final class StoppableSleeper implements Sleeper {

    private static final long SLICE_NANOS = Duration.ofMillis(100).toNanos();

    private final Sleeper sleeper;
    private final StopSignal stop;

    public StoppableSleeper(Sleeper sleeper, StopSignal stop) {
        this.sleeper = sleeper;
        this.stop = stop;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long left = duration.toNanos();
        while (left > 0) {
            if (stop.stopped()) {
                throw new InterruptedException("run stopped: " + stop.reason());
            }
            long slice = Math.min(left, SLICE_NANOS);
            sleeper.sleep(Duration.ofNanos(slice));
            left -= slice;
        }
        if (stop.stopped()) {
            throw new InterruptedException("run stopped: " + stop.reason());
        }
    }
}
