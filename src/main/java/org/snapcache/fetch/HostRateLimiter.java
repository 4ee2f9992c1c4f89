package org.snapcache.fetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code budget} requests to one host in any window of {@code window}, shared by every
 * worker. It remembers when each of the host's recent requests actually started; a request that
 * would be one too many waits until the oldest is a window (plus a small margin) old. The margin
 * covers the moment between taking a slot and the request reaching the server, so that the
 * archive, counting arrivals, never sees more than the budget in a window either.
 *
 * <p>After a 429 the host can be held (nobody starts a request until a given time) and its budget
 * halved for the rest of the run.
 */
public final class HostRateLimiter {

    private final int budget;
    private final long window;
    private final long margin;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Map<String, HostWindow> hosts = new HashMap<>();

    private static final class HostWindow {
        final ArrayDeque<Long> starts = new ArrayDeque<>();
        int budget;
        /** Ticker time before which nobody starts a request; compared by difference, as nanoTime values must be. */
        long heldUntil;

        HostWindow(int budget, long now) {
            this.budget = budget;
            this.heldUntil = now;
        }
    }

    /** {@code perMinute} requests in any minute, with a one-second margin. */
    public HostRateLimiter(int perMinute, Ticker ticker, Sleeper sleeper) {
        this(perMinute, Duration.ofMinutes(1), Duration.ofSeconds(1), ticker, sleeper);
    }

    public HostRateLimiter(int budget, Duration window, Duration margin, Ticker ticker, Sleeper sleeper) {
        if (budget < 1 || window.isZero() || window.isNegative() || margin.isNegative()) {
            throw new IllegalArgumentException("budget and window must be positive");
        }
        this.budget = budget;
        this.window = window.toNanos();
        this.margin = margin.toNanos();
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    /** Blocks until a request to {@code host} may start, and counts it as started now. */
    public void acquire(String host) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = ticker.nanos();
                HostWindow state = hosts.computeIfAbsent(host, h -> new HostWindow(budget, now));
                if (now - state.heldUntil < 0) {
                    wait = state.heldUntil - now;
                } else {
                    while (!state.starts.isEmpty() && now - state.starts.peekFirst() >= window + margin) {
                        state.starts.removeFirst();
                    }
                    if (state.starts.size() < state.budget) {
                        state.starts.addLast(now);
                        return;
                    }
                    wait = state.starts.peekFirst() + window + margin - now;
                }
            }
            sleeper.sleep(Duration.ofNanos(Math.max(wait, 1_000_000)));
        }
    }

    /** Nobody starts a request to {@code host} for {@code pause}, and from then on it gets half the budget. */
    public synchronized void backOff(String host, Duration pause) {
        long now = ticker.nanos();
        HostWindow state = hosts.computeIfAbsent(host, h -> new HostWindow(budget, now));
        long until = now + pause.toNanos();
        if (until - state.heldUntil > 0) {
            state.heldUntil = until;
        }
        state.budget = Math.max(1, state.budget / 2);
    }

    /** The host's current budget per window. */
    public synchronized int budget(String host) {
        HostWindow state = hosts.get(host);
        return state == null ? budget : state.budget;
    }
}
