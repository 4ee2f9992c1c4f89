package org.snapcache.fetch;

import java.time.Duration;

/** Waiting, made injectable so that tests of backoff and rate limits never sleep. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
}
