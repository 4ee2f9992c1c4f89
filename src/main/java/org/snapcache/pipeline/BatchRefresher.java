package org.snapcache.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.snapcache.config.Resource;
import org.snapcache.fetch.StopSignal;

/**
 * Refreshes many resources with a bounded number of workers. Politeness is not its business: the
 * shared HTTP client's rate limiter paces every request whatever the number of workers.
 */
public final class BatchRefresher {

    private final ResourceRefresher refresher;
    private final int workers;

    public BatchRefresher(ResourceRefresher refresher, int workers) {
        this.refresher = refresher;
        this.workers = workers;
    }

    /**
     * @param stop once stopped, no further resource is started; those left are deferred
     * @param onDone told of each attempted resource's outcome as it completes, from the worker's thread
     * @return the outcomes in the order of {@code resources}
     */
    public List<RefreshOutcome> refreshAll(List<Resource> resources, StopSignal stop, Consumer<RefreshOutcome> onDone)
            throws InterruptedException {
        if (resources.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, resources.size()), runnable -> {
            Thread thread = new Thread(runnable, "snapcache-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<RefreshOutcome>> futures = new ArrayList<>();
            for (Resource resource : resources) {
                futures.add(pool.submit(() -> {
                    Thread.interrupted(); // a stopped wait of an earlier task must not leak into this one
                    if (stop.stopped()) {
                        return RefreshOutcome.deferred(resource, "not started: " + stop.reason());
                    }
                    RefreshOutcome outcome = refresher.refresh(resource);
                    onDone.accept(outcome);
                    return outcome;
                }));
            }
            List<RefreshOutcome> outcomes = new ArrayList<>();
            for (Future<RefreshOutcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a refresh failed unexpectedly", e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
