package org.snapcache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.config.Resource;

class StatusIndexTest {

    @TempDir
    Path dir;

    CacheStore store;

    @BeforeEach
    void threeEntriesWrittenAnHourAgo() throws Exception {
        store = new CacheStore(dir);
        for (String id : List.of("a1", "b2", "c3")) {
            store.writeSuccess(CacheStoreTest.success(id, "preview of " + id), "preview of " + id);
        }
        age(Duration.ofHours(1));
    }

    /** Sets every file's modification time back, as if the entries had been written that long ago. */
    void age(Duration by) throws Exception {
        FileTime then = FileTime.from(Instant.now().minus(by));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                Files.setLastModifiedTime(file, then);
            }
        }
    }

    /** Reads every entry through a fresh index, saves it, and says how many came from the index. */
    int report(List<Optional<EntryMeta>> into) throws Exception {
        StatusIndex index = StatusIndex.open(store, Instant.now());
        for (String id : List.of("a1", "b2", "c3")) {
            into.add(index.readMeta(id));
        }
        index.save();
        return index.fromIndex();
    }

    @Test
    void aSecondReportTakesUnchangedEntriesFromTheIndexAndAgreesWithTheFiles() throws Exception {
        List<Optional<EntryMeta>> first = new ArrayList<>();
        List<Optional<EntryMeta>> second = new ArrayList<>();

        assertEquals(0, report(first));
        assertTrue(Files.isRegularFile(dir.resolve(StatusIndex.FILE)));
        assertEquals(3, report(second));

        assertEquals(first, second);
        assertEquals(Optional.of(CacheStoreTest.success("b2", "preview of b2")), second.get(1));
    }

    @Test
    void entriesOfEveryShapeComeBackFromTheIndexAsTheirFilesHaveThem() throws Exception {
        // more distinct content types and charsets than the index matches by their bytes, text
        // beyond ASCII, a requested timestamp that is not the capture's, and fields left empty
        List<String> ids = new ArrayList<>();
        Instant at = Instant.parse("2026-04-09T12:00:00.123456789Z");
        for (int i = 0; i < 40; i++) {
            String id = "e" + i;
            String preview = "Zürich, page " + i;
            int length = preview.codePointCount(0, preview.length());
            EntryMeta meta = i % 5 == 4
                    ? EntryMeta.firstFailure(id, "https://example.org/ü/" + i, null, at, "HTTP 503 — try later")
                    : new EntryMeta(1, id, "https://example.org/" + i, i % 2 == 0 ? null : "sid_" + i, "Titel Nr. " + i + " — ü",
                            "https://web.archive.org/web/2026021307011" + i % 10 + "id_/https://example.org/" + i,
                            "2026021307011" + i % 10, i % 3 == 0 ? "20260409120000" : "2026021307011" + i % 10,
                            i % 4 == 0 ? "closest capture" : null, i % 2 == 0 ? "archive" : "live", at.plusSeconds(i), at,
                            200 + i, "text/x-kind-" + i, i % 3 == 0 ? null : "charset-" + i, 4096L * i, length + 10, length,
                            i % 2 == 0, "sha256:" + i, i % 6 == 0 ? "text may be cut" : null, at.plusSeconds(i), null, 0, null, null, null, null);
            if (meta.hasPreview()) {
                store.writeSuccess(meta, preview);
            } else {
                store.writeMeta(meta);
            }
            ids.add(id);
        }
        age(Duration.ofHours(1));

        List<Optional<EntryMeta>> fromFiles = new ArrayList<>();
        StatusIndex first = StatusIndex.open(store, Instant.now());
        for (String id : ids) {
            fromFiles.add(first.readMeta(id));
        }
        first.save();
        StatusIndex second = StatusIndex.open(store, Instant.now());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(fromFiles.get(i), second.readMeta(ids.get(i)), ids.get(i));
        }
        assertEquals(ids.size(), second.fromIndex());
    }

    @Test
    void aMetaJsonEditedInPlaceIsReadAgain() throws Exception {
        report(new ArrayList<>());
        Path meta = dir.resolve("b2/meta.json");
        Files.writeString(meta, Files.readString(meta).replace("\"Title\"", "\"Tight\""));

        List<Optional<EntryMeta>> after = new ArrayList<>();
        assertEquals(2, report(after));

        assertEquals("Tight", after.get(1).orElseThrow().title());
    }

    @Test
    void aPreviewTruncatedInPlaceMakesTheEntryCorruptAgain() throws Exception {
        report(new ArrayList<>());
        Files.writeString(dir.resolve("c3/preview.txt"), "");

        StatusIndex index = StatusIndex.open(store, Instant.now());
        CorruptEntryException e = assertThrows(CorruptEntryException.class, () -> index.readMeta("c3"));

        assertTrue(e.getMessage().contains("preview.txt"), e.getMessage());
    }

    @Test
    void aRemovedEntryIsNoLongerReported() throws Exception {
        report(new ArrayList<>());
        Files.delete(dir.resolve("a1/meta.json"));
        Files.delete(dir.resolve("a1/preview.txt"));

        assertEquals(Optional.empty(), StatusIndex.open(store, Instant.now()).readMeta("a1"));
    }

    @Test
    void entriesChangedJustBeforeTheReportAreNotRecordedSinceTheClockCouldHideASecondChange() throws Exception {
        age(Duration.ZERO);
        report(new ArrayList<>());

        assertEquals(0, report(new ArrayList<>()));
    }

    @Test
    void aDamagedIndexIsIgnoredAndRewritten() throws Exception {
        report(new ArrayList<>());
        Path index = dir.resolve(StatusIndex.FILE);
        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(index, Arrays.copyOf(bytes, bytes.length - 7));

        List<Optional<EntryMeta>> after = new ArrayList<>();
        assertEquals(0, report(after));
        assertEquals(Optional.of(CacheStoreTest.success("a1", "preview of a1")), after.get(0));
        assertEquals(3, report(new ArrayList<>()));
    }

    @Test
    void aReportOverTheCacheUsesTheIndexAndLeavesNoTemporaryFile() throws Exception {
        List<Resource> catalogue = Stream.of("a1", "b2", "c3")
                .map(id -> new Resource(id, "https://example.org/", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), "config.yaml:1"))
                .toList();
        Instant now = Instant.parse("2026-04-10T12:00:00Z");

        StatusReport first = StatusReport.of(catalogue, store, now, Duration.ofDays(30));
        StatusReport second = StatusReport.of(catalogue, store, now, Duration.ofDays(30));

        assertEquals(first.rows(), second.rows());
        assertEquals(3, second.counts().get(Freshness.FRESH));
        try (Stream<Path> names = Files.list(dir)) {
            assertFalse(names.anyMatch(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)));
        }
    }
}
