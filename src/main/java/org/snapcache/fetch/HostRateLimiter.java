package org.snapcache.fetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perMinute} requests to one host in any 60-second window, shared by every worker.
 * It keeps the start times of the last {@code perMinute} requests per host; a request that would
 * be one too many waits until the oldest of them is a minute old. Waiting threads hold their
 * slot reservation, so two workers never both take the last slot.
 */
public final class HostRateLimiter {

    private static final long WINDOW = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Map<String, ArrayDeque<Long>> starts = new HashMap<>();

    public HostRateLimiter(int perMinute, Ticker ticker, Sleeper sleeper) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be positive");
        }
        this.perMinute = perMinute;
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    /** Blocks until a request to {@code host} may start, and counts it. */
    public void acquire(String host) throws InterruptedException {
        long startAt;
        synchronized (this) {
            ArrayDeque<Long> window = starts.computeIfAbsent(host, h -> new ArrayDeque<>());
            long now = ticker.nanos();
            startAt = now;
            if (window.size() >= perMinute) {
                startAt = Math.max(now, window.removeFirst() + WINDOW);
            }
            window.addLast(startAt);
        }
        long wait = startAt - ticker.nanos();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
