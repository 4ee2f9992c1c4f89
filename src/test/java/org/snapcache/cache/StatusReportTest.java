package org.snapcache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.config.InvalidEntry;
import org.snapcache.config.Resource;

class StatusReportTest {

    static final Instant AT = Instant.parse("2026-04-09T12:00:00Z");

    @TempDir
    Path dir;

    static Resource resource(String id, String title) {
        return new Resource(id, "https://example.org/" + id, Optional.ofNullable(title), Optional.empty(), Optional.of("sid_" + id),
                Optional.empty(), "config.yaml:" + id.length());
    }

    @Test
    void everyEntryGetsItsStateAndWhatTheCatalogueCallsIt() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(CacheStoreTest.success("fresh1", "preview"), "preview");
        store.writeSuccess(CacheStoreTest.success("stale1", "preview"), "preview");
        store.writeMeta(EntryMeta.firstFailure("failed1", "https://example.org/failed1", null, AT, "not archived"));
        store.writeSuccess(CacheStoreTest.success("orphan1", "preview"), "preview");
        store.writeSuccess(CacheStoreTest.success("broken1", "preview"), "preview");
        Files.writeString(dir.resolve("broken1/meta.json"), "{ not json");
        store.writeSuccess(CacheStoreTest.success("fixme1", "preview"), "preview");
        List<Resource> catalogue = List.of(resource("fresh1", null), resource("failed1", null), resource("missing1", "Never Fetched"),
                resource("broken1", null));
        InvalidEntry invalid = new InvalidEntry("wiki.yaml:9", Optional.of("fixme1"), Optional.of("https://"), Optional.of("Typo"),
                Optional.empty(), "url: \"https://\" has no host");

        StatusReport report = StatusReport.of(catalogue, List.of(invalid), StatusIndex.open(store, AT), AT.plus(Duration.ofDays(1)),
                Duration.ofDays(30));

        Map<String, StatusRow> rows = report.rows().stream().collect(Collectors.toMap(StatusRow::id, row -> row));
        assertEquals(Freshness.FRESH, rows.get("fresh1").state());
        assertEquals(Freshness.FAILED, rows.get("failed1").state());
        assertEquals(Freshness.MISSING, rows.get("missing1").state());
        assertEquals(Optional.of("Never Fetched"), rows.get("missing1").title(), "the catalogue's title for an entry never fetched");
        assertEquals(Optional.of("sid_missing1"), rows.get("missing1").stableId());
        assertEquals(Freshness.CORRUPT, rows.get("broken1").state());
        assertTrue(rows.get("broken1").problem().orElseThrow().contains("meta.json"), rows.get("broken1").toString());
        assertEquals(Freshness.ORPHANED, rows.get("orphan1").state());
        assertEquals(Freshness.ORPHANED, rows.get("stale1").state(), "in the cache, not in the catalogue");
        assertEquals(Freshness.INVALID, rows.get("fixme1").state(), "an invalid entry's folder is its own, not an orphan");
        assertEquals(Optional.of("wiki.yaml:9"), rows.get("fixme1").source());
        assertEquals(1, report.counts().get(Freshness.INVALID));
        assertEquals(7, report.rows().size());
    }

    @Test
    void aPreviewOlderThanMaxAgeIsStale() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(CacheStoreTest.success("old1", "preview"), "preview");

        StatusReport report = StatusReport.of(List.of(resource("old1", null)), store, AT.plus(Duration.ofDays(31)), Duration.ofDays(30));

        assertEquals(Freshness.STALE, report.rows().get(0).state());
    }
}
