package org.snapcache.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * At most {@code budget} requests to one host in any window of {@code window}, shared by every
 * worker, as the archive counts them: by when they arrive.
 *
 * <p>When a request reaches the archive is not known here, only that it is after the request took
 * its slot and before its answer came back. So a slot counts from when it is taken, and once the
 * answer is in, from then on: the next request may start only when the window (and a small margin
 * for clock granularity) has passed since the answers of the requests it would otherwise crowd.
 * However long a connection takes to open, no window of arrivals holds more than the budget.
 *
 * <p>Requests are also spread evenly: one starts at most every {@code window / budget}, so a run
 * never opens with a burst of a whole window's budget, and its pace is the budget's.
 *
 * <p>After a 429 the host can be held (nobody starts a request until a given time) and its budget
 * halved for the rest of the run.
 */
public final class HostRateLimiter {

    private static final long IN_FLIGHT_POLL = Duration.ofMillis(20).toNanos();

    private final int budget;
    private final long window;
    private final long margin;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Map<String, HostWindow> hosts = new HashMap<>();
    private StartLog log = (host, nanos) -> { };

    /** Told of every request's start, in order, while the limiter's lock is held. */
    @FunctionalInterface
    public interface StartLog {
        void started(String host, long tickerNanos);
    }

    /** A request's place in its host's window; give it back with {@link #release} when the answer is in. */
    public static final class Slot {
        private long time;
        private boolean answered;

        private Slot(long time) {
            this.time = time;
        }
    }

    private static final class HostWindow {
        final List<Slot> slots = new ArrayList<>();
        int budget;
        /** Ticker time before which nobody starts a request; compared by difference, as nanoTime values must be. */
        long heldUntil;
        /** When the next request may start, if any has started. */
        long nextStart;
        boolean started;

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

    /** From now on, tells {@code log} of every request's start. */
    public synchronized void logStarts(StartLog log) {
        this.log = log;
    }

    /** Blocks until a request to {@code host} may start, and counts it as started now. */
    public Slot acquire(String host) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = ticker.nanos();
                HostWindow state = hosts.computeIfAbsent(host, h -> new HostWindow(budget, now));
                long paced = state.started ? state.nextStart - now : 0;
                if (now - state.heldUntil < 0) {
                    wait = state.heldUntil - now;
                } else if (paced > 0) {
                    wait = paced;
                } else {
                    state.slots.removeIf(slot -> slot.answered && now - slot.time >= window + margin);
                    if (state.slots.size() < state.budget) {
                        Slot slot = new Slot(now);
                        state.slots.add(slot);
                        // keep to the schedule, so that waking late does not slow the pace; after a lull, start afresh
                        long interval = window / state.budget;
                        state.nextStart = state.started && now - state.nextStart < interval ? state.nextStart + interval : now + interval;
                        state.started = true;
                        log.started(host, now);
                        return slot;
                    }
                    // the oldest answered slot frees up first; with every slot still in flight, look again shortly
                    wait = state.slots.stream()
                            .filter(slot -> slot.answered)
                            .mapToLong(slot -> slot.time + window + margin - now)
                            .min()
                            .orElse(IN_FLIGHT_POLL);
                }
            }
            sleeper.sleep(Duration.ofNanos(Math.max(wait, 1_000_000)));
        }
    }

    /** The request's answer is in (or it failed): its slot counts from now until a window has passed. */
    public synchronized void release(Slot slot) {
        if (!slot.answered) {
            slot.answered = true;
            slot.time = ticker.nanos();
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
