package org.snapcache.fetch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run has learnt about each host: how many 429s and connection failures came in a row,
 * and whether it has stopped asking the host. Shared by every worker of a run.
 */
public final class HostHealth {

    /** Consecutive 429s (without Memento-Datetime) after which a host is left alone for the run. */
    public static final int MAX_RATE_LIMITED = 3;
    /**
     * Resources in a row whose requests failed to connect, after which a host counts as down for
     * the run: resources, not requests, so that the retries of one broken resource judge it alone.
     */
    public static final int MAX_CONNECTION_FAILURES = 5;

    private static final class Counts {
        int rateLimited;
        final Set<String> failingResources = new HashSet<>();
        String stopped;
    }

    private final Map<String, Counts> hosts = new HashMap<>();

    public synchronized Optional<String> stopped(String host) {
        return Optional.ofNullable(counts(host).stopped);
    }

    /** Every host this run stopped asking, with the reason. */
    public synchronized Map<String, String> stoppedHosts() {
        Map<String, String> stopped = new HashMap<>();
        hosts.forEach((host, counts) -> {
            if (counts.stopped != null) {
                stopped.put(host, counts.stopped);
            }
        });
        return stopped;
    }

    /** @return the number of 429s in a row, this one included; the host is stopped at {@link #MAX_RATE_LIMITED} */
    synchronized int rateLimited(String host) {
        Counts counts = counts(host);
        counts.rateLimited++;
        if (counts.rateLimited >= MAX_RATE_LIMITED && counts.stopped == null) {
            counts.stopped = host + " answered 429 (too many requests) " + counts.rateLimited
                    + " times in a row; stopped asking it for this run";
        }
        return counts.rateLimited;
    }

    synchronized void connectionFailed(String host, String resource, String why) {
        Counts counts = counts(host);
        counts.failingResources.add(resource);
        if (counts.failingResources.size() >= MAX_CONNECTION_FAILURES && counts.stopped == null) {
            counts.stopped = host + " looks down (connection failures for " + counts.failingResources.size()
                    + " resources in a row, last: " + why + "); stopped asking it for this run";
        }
    }

    /** A response other than a 429 came back: both streaks end. */
    synchronized void answered(String host, boolean rateLimited) {
        Counts counts = counts(host);
        counts.failingResources.clear();
        if (!rateLimited) {
            counts.rateLimited = 0;
        }
    }

    private Counts counts(String host) {
        return hosts.computeIfAbsent(host, h -> new Counts());
    }
}
