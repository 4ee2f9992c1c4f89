package org.snapcache.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.snapcache.fetch.Sleeper;
import org.snapcache.fetch.Ticker;

/**
 * What the outside world supplies: time, waiting, the first retry pause, and the environment
 * variables (the archive's keys for saves). Tests pass a fixed clock and a sleeper that does not sleep.
 */
public record Environment(Clock clock, Ticker ticker, Sleeper sleeper, Duration firstBackoff, Map<String, String> variables) {

    public Environment(Clock clock, Ticker ticker, Sleeper sleeper, Duration firstBackoff) {
        this(clock, ticker, sleeper, firstBackoff, Map.of());
    }

    public static Environment system() {
        return new Environment(Clock.systemUTC(), Ticker.SYSTEM, Sleeper.SYSTEM, Duration.ofSeconds(1), System.getenv());
    }

    /** This environment with {@code variables} instead. */
    public Environment withVariables(Map<String, String> variables) {
        return new Environment(clock, ticker, sleeper, firstBackoff, variables);
    }

    @Override
    public String toString() {
        return "Environment[" + clock + ", first backoff " + firstBackoff + "]"; // never the variables: they hold keys
    }
}
