package org.snapcache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.config.ResourceId;

class CacheVerifierTest {

    @TempDir
    Path dir;

    static EntryMeta whole(String id, String text) {
        EntryMeta meta = CacheStoreTest.success(id, text);
        int length = text.codePointCount(0, text.length());
        String hash = "sha256:" + HexFormat.of().formatHex(ResourceId.sha256(text.getBytes(StandardCharsets.UTF_8)));
        return new EntryMeta(1, id, meta.url(), meta.stableId(), meta.title(), meta.archiveUrl(), meta.captureTimestamp(),
                meta.requestedTimestamp(), null, meta.source(), meta.fetchedAt(), meta.changedAt(), 200, "text/html", "UTF-8", 100L,
                length, length, false, hash, null, meta.lastAttemptAt(), null, 0, null, null, null, null);
    }

    @Test
    void aSoundCachePassesWithEveryEntryCounted() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(whole("a1", "The whole text."), "The whole text.");
        store.writeSuccess(CacheStoreTest.success("b2", "A preview of more."), "A preview of more.");

        CacheVerifier.Report report = new CacheVerifier().verify(store);

        assertEquals(2, report.entries());
        assertEquals(List.of(), report.problems());
    }

    @Test
    void namesEachProblemWithItsFile() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(whole("edited", "The whole text."), "The whole text.");
        Files.writeString(dir.resolve("edited/preview.txt"), "The whole text!");
        store.writeSuccess(whole("torn", "Text."), "Text.");
        Files.writeString(dir.resolve("torn/meta.json"), "{\"schemaVersion\": 1, \"id\":");
        Files.createDirectories(dir.resolve("empty1"));
        Files.writeString(dir.resolve(".tmp-a1-123"), "half");

        CacheVerifier.Report report = new CacheVerifier().verify(store);

        assertEquals(4, report.problems().size(), report.problems().toString());
        String all = report.problems().toString();
        assertTrue(all.contains("edited/preview.txt: does not hash to the contentHash"), all);
        assertTrue(all.contains("torn/meta.json"), all);
        assertTrue(all.contains("empty1: no meta.json; an empty folder"), all);
        assertTrue(all.contains(".tmp-a1-123: left by an interrupted run"), all);
    }
}
