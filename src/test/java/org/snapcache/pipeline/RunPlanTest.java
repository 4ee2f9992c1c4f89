package org.snapcache.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.cache.CacheStore;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.StatusReport;
import org.snapcache.config.Resource;

class RunPlanTest {

    static final Instant FETCHED = Instant.parse("2026-04-09T12:00:00Z");
    static final Duration MAX_AGE = Duration.ofDays(30);

    @TempDir
    Path dir;

    CacheStore store;
    List<Resource> catalogue;

    static Resource resource(String id) {
        return new Resource(id, "https://example.org/" + id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "config.yaml:1");
    }

    static EntryMeta fetched(String id, Instant at) {
        return new EntryMeta(1, id, "https://example.org/" + id, null, "Title", "https://web.archive.org/web/2026id_/x", "20260101000000",
                "20260101000000", null, "archive", at, at, 200, "text/html", "UTF-8", 100L, 7, 7, false, "sha256:00", null, at, null, 0, null, null, null, null);
    }

    @BeforeEach
    void aCacheOfEveryState() throws Exception {
        store = new CacheStore(dir);
        store.writeSuccess(fetched("fresh", FETCHED.plus(Duration.ofDays(20))), "preview");
        store.writeSuccess(fetched("stale", FETCHED), "preview");
        store.writeSuccess(fetched("older", FETCHED.minus(Duration.ofDays(5))), "preview");
        store.writeMeta(EntryMeta.firstFailure("failing", "https://example.org/failing", null, FETCHED.plus(Duration.ofDays(40)),
                "not archived"));
        catalogue = List.of(resource("fresh"), resource("stale"), resource("missing"), resource("failing"), resource("older"));
    }

    RunPlan plan(Instant now, boolean retryFailed) throws Exception {
        return RunPlan.of(catalogue, StatusReport.of(catalogue, store, now, MAX_AGE), now, MAX_AGE, retryFailed);
    }

    static List<String> ids(RunPlan plan) {
        return plan.due().stream().map(Resource::id).toList();
    }

    @Test
    void aRunTakesWhatIsStaleMissingOrDueToRetryAndSaysWhy() throws Exception {
        Instant now = FETCHED.plus(Duration.ofDays(40)).plusSeconds(60);

        RunPlan plan = plan(now, false);

        assertEquals(List.of("stale", "missing", "older"), ids(plan));
        assertEquals(1, plan.fresh());
        assertEquals(1, plan.waiting(), "the failing resource waits for its retry pause");
        assertEquals("stale: fetched 40 days ago", plan.reason(resource("stale")));
        assertEquals("missing", plan.reason(resource("missing")));
        assertEquals(List.of("stale", "missing", "failing", "older"), ids(plan(now, true)), "--retry-failed");
    }

    @Test
    void aLimitTakesTheOldestFirst() throws Exception {
        RunPlan limited = plan(FETCHED.plus(Duration.ofDays(40)), false).limitedTo(2, StatusReport.of(catalogue, store,
                FETCHED.plus(Duration.ofDays(40)), MAX_AGE));

        assertEquals(List.of("missing", "older"), ids(limited));
        assertEquals(1, limited.overLimit());
    }

    @Test
    void aLatestCaptureCostsTwoRequestsAndAnExactPinOne() {
        assertEquals(2, RunPlan.requests(resource("a")));
        assertEquals(1, RunPlan.requests(resource("a").pinnedAt("20200101000000")));
        assertEquals(2, RunPlan.requests(resource("a").pinnedAt("2020")), "a partial timestamp is redirected to a capture");
    }
}
