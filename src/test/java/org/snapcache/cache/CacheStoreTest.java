package org.snapcache.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoreTest {

    @TempDir
    Path dir;

    static EntryMeta success(String id, String preview) {
        int length = preview.codePointCount(0, preview.length());
        Instant at = Instant.parse("2026-04-09T12:00:00Z");
        return new EntryMeta(1, id, "https://example.org/", "sid_x", "Title", "https://web.archive.org/web/20260213070116id_/https://example.org/",
                "20260213070116", "20260409120000", null, "archive", at, at, 200, "text/html", "UTF-8", 4096L, length + 10, length, true,
                "sha256:00", null, at, null, 0, null, null, null, null);
    }

    @Test
    void writesAndReadsAnEntry() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(success("abc", "héllo 😀"), "héllo 😀");

        CachedEntry entry = store.read("abc").orElseThrow();

        assertEquals(success("abc", "héllo 😀"), entry.meta());
        assertEquals(Optional.of("héllo 😀"), entry.preview());
        assertArrayEquals("héllo 😀".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("abc/preview.txt")));
    }

    @Test
    void metaJsonHasEveryFieldInAStableOrderPrettyWithOneTrailingNewline() throws Exception {
        new CacheStore(dir).writeSuccess(success("abc", "x"), "x");

        String json = Files.readString(dir.resolve("abc/meta.json"));

        assertTrue(json.startsWith("{\n  \"schemaVersion\": 1,\n  \"id\": \"abc\",\n  \"url\": \"https://example.org/\",\n"), json);
        assertTrue(json.endsWith("\"saveRequestedAt\": null\n}\n"), json);
        List<String> keys = json.lines().filter(l -> l.startsWith("  \"")).map(l -> l.substring(3, l.indexOf('"', 3))).toList();
        assertEquals(List.of("schemaVersion", "id", "url", "stableId", "title", "archiveUrl", "captureTimestamp", "requestedTimestamp", "captureNote", "source",
                "fetchedAt", "changedAt", "httpStatus", "contentType", "charset", "byteLength", "contentLength", "previewLength",
                "textLength", "pageTextLength", "truncated", "contentHash", "textWarning", "lastAttemptAt", "lastError", "consecutiveFailures",
                "saveJob", "saveRequestedAt"), keys);
        assertTrue(json.contains("\"fetchedAt\": \"2026-04-09T12:00:00Z\""), json);
        assertTrue(json.contains("\"lastError\": null"), json);
    }

    @Test
    void noEntryIsEmpty() throws Exception {
        assertEquals(Optional.empty(), new CacheStore(dir).read("nothing"));
    }

    @Test
    void truncatedMetaJsonIsCorruptWithItsPath() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(success("abc", "x"), "x");
        Path meta = dir.resolve("abc/meta.json");
        Files.writeString(meta, Files.readString(meta).substring(0, 40));

        CorruptEntryException e = assertThrows(CorruptEntryException.class, () -> store.read("abc"));

        assertEquals(meta, e.path());
        assertTrue(e.getMessage().startsWith(meta + ": not valid meta.json"), e.getMessage());
    }

    @Test
    void previewThatDisagreesWithMetaIsCorrupt() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(success("abc", "four"), "four");
        Files.writeString(dir.resolve("abc/preview.txt"), "five!");

        CorruptEntryException e = assertThrows(CorruptEntryException.class, () -> store.read("abc"));

        assertEquals(dir.resolve("abc/preview.txt") + ": holds 5 characters but meta.json says 4", e.getMessage());
    }

    @Test
    void missingPreviewAndWrongSchemaAreCorrupt() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(success("abc", "x"), "x");
        Files.delete(dir.resolve("abc/preview.txt"));
        assertThrows(CorruptEntryException.class, () -> store.read("abc"));

        store.writeSuccess(success("def", "x"), "x");
        Path meta = dir.resolve("def/meta.json");
        Files.writeString(meta, Files.readString(meta).replace("\"schemaVersion\": 1", "\"schemaVersion\": 7"));
        assertThrows(CorruptEntryException.class, () -> store.read("def"));

        Files.createDirectories(dir.resolve("ghi"));
        Files.writeString(dir.resolve("ghi/meta.json"), "[1, 2]");
        assertThrows(CorruptEntryException.class, () -> store.read("ghi"));
    }

    @Test
    void readingMetaAloneChecksThePreviewBySize() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(success("abc", "café crème"), "café crème");
        assertEquals(success("abc", "café crème"), store.readMeta("abc").orElseThrow());
        assertEquals(Optional.empty(), store.readMeta("nothing"));

        Files.writeString(dir.resolve("abc/preview.txt"), "caf");
        CorruptEntryException truncated = assertThrows(CorruptEntryException.class, () -> store.readMeta("abc"));
        assertEquals(dir.resolve("abc/preview.txt") + ": holds 3 bytes, which cannot be the 10 characters meta.json says",
                truncated.getMessage());

        Files.delete(dir.resolve("abc/preview.txt"));
        assertThrows(CorruptEntryException.class, () -> store.readMeta("abc"));

        Files.createDirectories(dir.resolve("def"));
        Files.writeString(dir.resolve("def/meta.json"), "{\"schemaVersion\": 1, \"id\": \"def\"");
        assertTrue(assertThrows(CorruptEntryException.class, () -> store.readMeta("def")).getMessage()
                .startsWith(dir.resolve("def/meta.json") + ": not valid meta.json"));
    }

    @Test
    void readingMetaAloneRefusesSymbolicLinks() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("../outside-" + System.nanoTime()).normalize());
        CacheStore store = new CacheStore(dir.resolve("cache"));
        store.writeSuccess(success("abc", "x"), "x");
        Files.move(dir.resolve("cache/abc/meta.json"), outside.resolve("meta.json"));
        Files.createSymbolicLink(dir.resolve("cache/abc/meta.json"), outside.resolve("meta.json"));
        Files.createSymbolicLink(dir.resolve("cache/linked"), outside);

        assertTrue(assertThrows(CorruptEntryException.class, () -> store.readMeta("abc")).getMessage().contains("symbolic link"));
        assertTrue(assertThrows(CorruptEntryException.class, () -> store.readMeta("linked")).getMessage().contains("symbolic link"));
    }

    @Test
    void aFetchRecordedWithoutItsSizesIsCorrupt() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(success("abc", "x"), "x");
        Path meta = dir.resolve("abc/meta.json");
        Files.writeString(meta, Files.readString(meta).replaceFirst("\"contentLength\": \\d+", "\"contentLength\": null"));

        CorruptEntryException e = assertThrows(CorruptEntryException.class, () -> store.read("abc"));

        assertTrue(e.getMessage().contains("lacks httpStatus, contentLength"), e.getMessage());
    }

    @Test
    void failureLeavesThePreviewUntouched() throws Exception {
        CacheStore store = new CacheStore(dir);
        EntryMeta good = success("abc", "good preview");
        store.writeSuccess(good, "good preview");
        byte[] before = Files.readAllBytes(dir.resolve("abc/preview.txt"));

        store.writeMeta(good.failed(Instant.parse("2026-04-10T00:00:00Z"), "archive answered 503 after 4 tries"));

        assertArrayEquals(before, Files.readAllBytes(dir.resolve("abc/preview.txt")));
        CachedEntry entry = store.read("abc").orElseThrow();
        assertEquals(good.fetchedAt(), entry.meta().fetchedAt());
        assertEquals(1, entry.meta().consecutiveFailures());
        assertEquals("archive answered 503 after 4 tries", entry.meta().lastError());
    }

    @Test
    void recoveryRemovesLeftoverTemporaryFilesOnly() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(success("abc", "x"), "x");
        Files.writeString(dir.resolve("abc/.tmp-meta.json-1234"), "{half");
        Files.createDirectories(dir.resolve(".tmp-abc-99"));
        Files.writeString(dir.resolve(".tmp-abc-99/preview.txt"), "half-staged");

        assertEquals(2, store.recover());

        assertFalse(Files.exists(dir.resolve("abc/.tmp-meta.json-1234")));
        assertFalse(Files.exists(dir.resolve(".tmp-abc-99")));
        assertEquals(Optional.of("x"), store.read("abc").orElseThrow().preview());
    }

    @Test
    void recoveryPutsBackAnEntrySetAsideByAnInterruptedSwap() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(success("abc", "old"), "old");
        Files.move(dir.resolve("abc"), dir.resolve(".aside-abc-1f"));

        assertEquals(1, store.recover());

        assertEquals(Optional.of("old"), store.read("abc").orElseThrow().preview());
    }

    @Test
    void recoveryDropsAnAsideEntryOnceItsReplacementIsInPlace() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(success("abc", "old"), "old");
        Files.move(dir.resolve("abc"), dir.resolve(".aside-abc-1f"));
        store.writeSuccess(success("abc", "new"), "new");

        store.recover();

        assertEquals(Optional.of("new"), store.read("abc").orElseThrow().preview());
        assertFalse(Files.exists(dir.resolve(".aside-abc-1f")));
    }

    @Test
    void replacingAnEntryLeavesNothingBehind() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(success("abc", "old"), "old");
        store.writeSuccess(success("abc", "new one"), "new one");

        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("abc")), files.toList());
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("abc"))) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void symbolicLinksAreNeitherReadNorWrittenThrough() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("../outside-" + System.nanoTime()).normalize());
        Files.writeString(outside.resolve("secret.txt"), "secret");
        CacheStore store = new CacheStore(dir.resolve("cache"));
        store.writeSuccess(success("abc", "x"), "x");
        Files.delete(dir.resolve("cache/abc/preview.txt"));
        Files.createSymbolicLink(dir.resolve("cache/abc/preview.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(dir.resolve("cache/linked"), outside);

        assertThrows(CorruptEntryException.class, () -> store.read("abc"));
        assertThrows(CorruptEntryException.class, () -> store.read("linked"));
        assertThrows(java.io.IOException.class, () -> store.writeMeta(success("linked", "x")));
        assertThrows(java.io.IOException.class, () -> store.writeSuccess(success("linked", "x"), "x"));
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
        try (java.util.stream.Stream<Path> files = Files.list(outside)) {
            assertEquals(1, files.count(), "nothing written outside the cache");
        }
    }

    @Test
    void listsEntryFoldersOnly() throws Exception {
        CacheStore store = new CacheStore(dir);
        store.writeSuccess(success("b", "x"), "x");
        store.writeSuccess(success("a", "x"), "x");
        Files.writeString(dir.resolve(".lock"), "");
        Files.writeString(dir.resolve(".gitignore"), "*");

        assertEquals(List.of("a", "b"), store.ids());
    }

    @Test
    void refusesIdsThatWouldLeaveTheCache() {
        assertThrows(IllegalArgumentException.class, () -> new CacheStore(dir).entryDir("../escape"));
    }
}
