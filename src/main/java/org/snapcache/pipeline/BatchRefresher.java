package org.snapcache.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.snapcache.config.Resource;
import org.snapcache.fetch.StopSignal;

/**
 * Refreshes many resources in two stages: {@code workers} threads keep that many requests in
 * flight, handing each capture to as many threads as there are cores for extraction and the
 * cache, so that reading a page never keeps a request from going out. Captures waiting for a
 * core are bounded, so memory stays flat however long the catalogue. Politeness is not its
 * business: the shared HTTP client's rate limiter paces every request whatever the number of workers.
 */
public final class BatchRefresher {

    private final ResourceRefresher refresher;
    private final int workers;
    private final int processors;
    private final Optional<Saves> saves;

    public BatchRefresher(ResourceRefresher refresher, int workers) {
        this(refresher, workers, Optional.empty());
    }

    /** @param saves what asks the archive to save the resources it has no capture of, when it may be asked */
    public BatchRefresher(ResourceRefresher refresher, int workers, Optional<Saves> saves) {
        this(refresher, workers, 2 * Runtime.getRuntime().availableProcessors(), saves);
    }

    BatchRefresher(ResourceRefresher refresher, int workers, int processors, Optional<Saves> saves) {
        this.refresher = refresher;
        this.workers = workers;
        this.processors = processors;
        this.saves = saves;
    }

    /**
     * @param stop once stopped, no further resource is started; those left are deferred
     * @param onDone told of each attempted resource's outcome as it completes, with how long it
     *     took from the start of its fetch, from a worker's thread
     * @return the outcomes in the order of {@code resources}
     */
    public List<RefreshOutcome> refreshAll(List<Resource> resources, StopSignal stop, BiConsumer<RefreshOutcome, Duration> onDone)
            throws InterruptedException {
        if (resources.isEmpty()) {
            return List.of();
        }
        ExecutorService fetchers = Executors.newFixedThreadPool(Math.min(workers, resources.size()), daemon("snapcache-fetch"));
        ExecutorService processing = Executors.newFixedThreadPool(processors, daemon("snapcache-extract"));
        // captures fetched but not yet processed; a fetcher waits for room before handing one over
        Semaphore waiting = new Semaphore(workers + 2 * processors);
        // resources whose first fetch is still to end: when none is, no more saves will be asked for
        AtomicInteger unfetched = new AtomicInteger(resources.size());
        try {
            List<CompletableFuture<RefreshOutcome>> futures = new ArrayList<>();
            for (Resource resource : resources) {
                CompletableFuture<RefreshOutcome> future = new CompletableFuture<>();
                futures.add(future);
                fetchers.execute(() -> {
                    try {
                        Thread.interrupted(); // a stopped wait of an earlier task must not leak into this one
                        if (stop.stopped()) {
                            future.complete(RefreshOutcome.deferred(resource, "not started: " + stop.reason()));
                            return;
                        }
                        long started = System.nanoTime();
                        ResourceRefresher.Fetched fetched = refresher.fetch(resource);
                        if (fetched.notArchived().isPresent() && saves.isPresent()) {
                            // the saves' thread hands the result back; its capture is read on a fetcher again
                            saves.get().submit(resource, fetched.previous(), save -> fetchers.execute(() -> {
                                try {
                                    process(refresher.saved(fetched, save), started, processing, waiting, onDone, future);
                                } catch (RuntimeException | Error e) {
                                    future.completeExceptionally(e);
                                }
                            }));
                        } else {
                            process(fetched, started, processing, waiting, onDone, future);
                        }
                    } catch (RuntimeException | Error e) {
                        future.completeExceptionally(e);
                    } finally {
                        if (unfetched.decrementAndGet() == 0) {
                            saves.ifPresent(Saves::close);
                        }
                    }
                });
            }
            List<RefreshOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    outcomes.add(refresher.failed(resources.get(i), e.getCause()));
                }
            }
            return outcomes;
        } finally {
            fetchers.shutdownNow();
            processing.shutdownNow();
        }
    }

    /** Hands a fetched resource to a core for extraction and the cache, once there is room. */
    private void process(ResourceRefresher.Fetched fetched, long started, ExecutorService processing, Semaphore waiting,
            BiConsumer<RefreshOutcome, Duration> onDone, CompletableFuture<RefreshOutcome> future) {
        waiting.acquireUninterruptibly();
        processing.execute(() -> {
            try {
                RefreshOutcome outcome = refresher.complete(fetched);
                onDone.accept(outcome, Duration.ofNanos(System.nanoTime() - started));
                future.complete(outcome);
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            } finally {
                waiting.release();
            }
        });
    }

    /** The line the run's summary gives its saves, when it asked for any. */
    public Optional<String> savesSummary() {
        return saves.flatMap(Saves::summary);
    }

    /** Records {@code why} as the resource's failure. */
    public RefreshOutcome recordFailure(Resource resource, String why) {
        return refresher.recordFailure(resource, why);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
