package org.snapcache.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.pipeline.Environment;
import org.snapcache.cache.CacheLock;
import org.snapcache.cache.CacheStore;
import org.snapcache.cache.EntryMeta;
import org.snapcache.config.ResourceId;

/** prune and verify on a cache with a kept entry, an orphan, and damage of each kind. */
class HousekeepingTest {

    static final String KEPT = "https://example.org/kept";
    static final String GONE = "https://example.org/gone";

    @TempDir
    Path dir;

    CacheStore store;

    @BeforeEach
    void aCatalogueOfOneAndACacheOfTwo() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "cache-dir: cache\nresources:\n  - url: " + KEPT + "\n");
        store = new CacheStore(dir.resolve("cache"));
        write(KEPT, "The whole text of the page.");
        write(GONE, "A page the wiki no longer cites.");
    }

    void write(String url, String text) throws Exception {
        String id = ResourceId.forUrl(url);
        int length = text.length();
        String hash = "sha256:" + java.util.HexFormat.of().formatHex(ResourceId.sha256(text.getBytes()));
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        store.writeSuccess(new EntryMeta(1, id, url, null, "T", "https://web.archive.org/web/2026id_/" + url, "20260101000000",
                "20260101000000", null, "archive", at, at, 200, "text/html", "UTF-8", 100L, length, length, false, hash, null, at,
                null, 0, null, null, null, null), text);
    }

    Cli.Result snapcache(String... args) {
        return Cli.run(dir.resolve("config.yaml"), Environment.system(), args);
    }

    @Test
    void pruneDryRunListsTheOrphanAndRemovesNothing() {
        Cli.Result result = snapcache("prune", "--dry-run");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("would remove " + ResourceId.forUrl(GONE) + " " + GONE), result.out());
        assertFalse(result.out().contains(KEPT), result.out());
        assertTrue(Files.isDirectory(store.entryDir(ResourceId.forUrl(GONE))));
    }

    @Test
    void pruneRemovesOrphansOnlyAndLeavesNothingBehind() throws Exception {
        Cli.Result result = snapcache("prune");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("removed " + ResourceId.forUrl(GONE) + " " + GONE), result.out());
        assertTrue(result.out().contains("prune: removed 1 orphaned entry"), result.out());
        assertFalse(Files.exists(store.entryDir(ResourceId.forUrl(GONE))));
        assertTrue(store.read(ResourceId.forUrl(KEPT)).isPresent());
        assertEquals(java.util.List.of(), store.leftovers());
    }

    @Test
    void pruneWaitsForNoOneAndSaysTheCacheIsBusy() throws Exception {
        try (CacheLock lock = CacheLock.acquire(store.dir(), Instant.now())) {
            Cli.Result result = snapcache("prune");

            assertEquals(ExitCodes.LOCKED, result.exitCode(), result.out());
            assertTrue(Files.isDirectory(store.entryDir(ResourceId.forUrl(GONE))));
        }
    }

    @Test
    void verifyPassesAnIntactCache() {
        Cli.Result result = snapcache("verify");

        assertEquals(0, result.exitCode(), result.out() + result.err());
        assertTrue(result.out().contains("verify: 2 entries, 0 problems"), result.out());
    }

    @Test
    void verifyReportsEachDamagedEntryOnALineOfItsOwn() throws Exception {
        Path kept = store.entryDir(ResourceId.forUrl(KEPT));
        Files.writeString(kept.resolve("preview.txt"), "The whole text of the pagE.");
        Path gone = store.entryDir(ResourceId.forUrl(GONE));
        Files.writeString(gone.resolve("meta.json"), "{\"schemaVersion\": 1, \"id\": ");
        Files.createDirectories(store.dir().resolve("0123456789abcdef"));
        Files.writeString(store.dir().resolve(".tmp-meta.json-123"), "x");

        Cli.Result result = snapcache("verify");

        assertEquals(1, result.exitCode(), result.out());
        assertTrue(result.out().contains(kept.resolve("preview.txt") + ": does not hash to the contentHash"), result.out());
        assertTrue(result.out().contains(gone.resolve("meta.json") + ": not valid meta.json"), result.out());
        assertTrue(result.out().contains("0123456789abcdef: no meta.json; an empty folder"), result.out());
        assertTrue(result.out().contains(".tmp-meta.json-123: left by an interrupted run"), result.out());
        assertTrue(result.out().contains("verify: 3 entries, 4 problems"), result.out());
    }
}
