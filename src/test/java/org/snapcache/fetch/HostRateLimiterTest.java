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
        limiter.acquire(host);
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
        assertEquals(Duration.ofMinutes(1).toNanos(), starts.get(3) - starts.get(0), "the fourth waits for the first to age out");
    }

    @Test
    void eachHostHasItsOwnBudget() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            request("web.archive.org");
        }
        request("webarchive.org.uk");
        assertEquals(0, now.get(), "another host is not held up");
    }

    @Test
    void workersSharingItAreLimitedTogether() throws Exception {
        List<Thread> threads = new ArrayList<>();
        AtomicLong waited = new AtomicLong();
        HostRateLimiter counting = new HostRateLimiter(5, System::nanoTime, d -> waited.incrementAndGet());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 5; i++) {
                        counting.acquire("a");
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
        assertEquals(15, waited.get(), "20 requests under a budget of 5: all but the first 5 must wait");
    }
}
