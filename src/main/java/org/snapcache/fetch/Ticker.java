package org.snapcache.fetch;

/** A monotonic nanosecond source, as {@link System#nanoTime()}, injectable for tests. */
@FunctionalInterface
public interface Ticker {

    long nanos();

    Ticker SYSTEM = System::nanoTime;
}
