package org.snapcache.pipeline;

import java.time.Clock;
import java.time.Duration;
import org.snapcache.fetch.Sleeper;
import org.snapcache.fetch.Ticker;

/**
 * What the outside world supplies: time, waiting and the first retry pause. Tests pass a fixed
 * clock and a sleeper that does not sleep.
 */
public record Environment(Clock clock, Ticker ticker, Sleeper sleeper, Duration firstBackoff) {

    public static Environment system() {
        return new Environment(Clock.systemUTC(), Ticker.SYSTEM, Sleeper.SYSTEM, Duration.ofSeconds(1));
    }
}
