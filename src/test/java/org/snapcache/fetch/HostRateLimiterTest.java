package org.snapcache.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HostRateLimiterTest {

    /** Virtual time: sleeping advances the clock instead of waiting. */
    final AtomicLong now = new AtomicLong();
    final List<Long> starts = new ArrayList<>();
    final HostRateLimiter limiter = new HostRateLimiter(3, now::get, d -> now.addAndGet(d.toNanos()));

    void request(String host) throws InterruptedException {
        limiter.release(limiter.acquire(host));
        starts.add(now.get());
    }

    @Test
    void noSixtySecondWindowHoldsMoreThanTheBudget() throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            request("web.archive.org");
            now.addAndGet(Duration.ofSeconds(5).toNanos());
        }
        for (long start : starts) {
            long inWindow = starts.stream().filter(s -> s >= start && s < start + Duration.ofMinutes(1).toNanos()).count();
            assertTrue(inWindow <= 3, "window from " + start + " holds " + inWindow);
        }
        assertEquals(Duration.ofSeconds(61).toNanos(), starts.get(3) - starts.get(0),
                "the fourth waits for the first to be a minute (and the one-second margin) old");
    }

    @Test
    void requestsAreSpreadEvenlyOverTheWindow() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            request("web.archive.org");
        }
        assertEquals(List.of(0L, Duration.ofSeconds(20).toNanos(), Duration.ofSeconds(40).toNanos()), starts,
                "three a minute: one every 20 s, not three at once");
    }

    @Test
    void eachHostHasItsOwnBudget() throws InterruptedException {
        request("web.archive.org");
        request("webarchive.org.uk");
        assertEquals(0, now.get(), "another host is not held up");
    }

    @Test
    void everyStartIsLogged() throws InterruptedException {
        List<String> log = new ArrayList<>();
        limiter.logStarts((host, nanos) -> log.add(host + " " + Duration.ofNanos(nanos).toSeconds()));
        request("web.archive.org");
        request("web.archive.org");
        request("webarchive.org.uk");
        assertEquals(List.of("web.archive.org 0", "web.archive.org 20", "webarchive.org.uk 20"), log);
    }

    @Test
    void workersSharingItAreLimitedTogether() throws Exception {
        Duration window = Duration.ofMillis(200);
        HostRateLimiter shared = new HostRateLimiter(5, window, Duration.ofMillis(100), System::nanoTime, Sleeper.SYSTEM);
        List<Long> started = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 5; i++) {
                        HostRateLimiter.Slot slot = shared.acquire("web.archive.org");
                        started.add(System.nanoTime());
                        shared.release(slot);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(20, started.size());
        for (long start : started) {
            long inWindow = started.stream().filter(s -> s >= start && s < start + window.toNanos()).count();
            assertTrue(inWindow <= 5, inWindow + " requests in one window");
        }
    }

    @Test
    void aSlotCountsFromItsAnswerSoSlowConnectionsCannotBunchArrivals() throws InterruptedException {
        List<HostRateLimiter.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slots.add(limiter.acquire("web.archive.org")); // at 0, 20 and 40 s
        }
        now.addAndGet(Duration.ofSeconds(40).toNanos()); // answered at 80 s
        slots.forEach(limiter::release);

        request("web.archive.org");

        assertEquals(Duration.ofSeconds(141).toNanos(), starts.get(0), "a window (and margin) after the answers, not the starts");
    }

    @Test
    void backingOffHoldsEveryoneThenHalvesTheBudget() throws InterruptedException {
        limiter.backOff("web.archive.org", Duration.ofSeconds(30));

        request("web.archive.org");
        request("web.archive.org");

        assertEquals(Duration.ofSeconds(30).toNanos(), starts.get(0), "held for the pause");
        assertEquals(Duration.ofSeconds(61).toNanos(), starts.get(1) - starts.get(0), "then one request a minute");
        assertEquals(1, limiter.budget("web.archive.org"));
        assertEquals(3, limiter.budget("other.example"));
    }
}
