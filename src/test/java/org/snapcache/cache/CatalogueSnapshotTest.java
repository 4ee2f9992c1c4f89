package org.snapcache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.config.ConfigException;
import org.snapcache.config.ConfigLoader;
import org.snapcache.config.Resource;
import org.snapcache.config.Settings;

class CatalogueSnapshotTest {

    static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    Path config;
    Path snapshot;
    final ConfigLoader loader = new ConfigLoader("snapcache-test");

    @BeforeEach
    void aCatalogueWrittenAnHourAgo() throws Exception {
        Files.createDirectories(dir.resolve("cache"));
        Files.createDirectories(dir.resolve("resources"));
        config = dir.resolve("config.yaml");
        snapshot = dir.resolve("cache").resolve(CatalogueSnapshot.FILE);
        writeConfig("resources:\n  - url: https://example.org/a\n    title: A\nresource-files:\n  - resources/*.yaml\n");
        Files.writeString(dir.resolve("resources/wiki.yaml"), "- url: https://example.org/b\n  stable_id: sid_b\n");
        age(config, dir.resolve("resources/wiki.yaml"));
    }

    /** Writes config.yaml at the size of a catalogue worth a snapshot, with comment lines. */
    void writeConfig(String yaml) throws Exception {
        Files.writeString(config, yaml + ("# " + "padding ".repeat(127) + "\n").repeat((int) CatalogueSnapshot.MIN_SOURCE_BYTES / 1000 + 1));
    }

    static void age(Path... files) throws Exception {
        for (Path file : files) {
            Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(3600)));
        }
    }

    Settings load() throws ConfigException {
        return CatalogueSnapshot.load(config, loader, "1.0 built today", NOW);
    }

    @Test
    void aSecondLoadOfAnUnchangedCatalogueComesFromTheSnapshotAndAgreesWithAFullRead() throws Exception {
        Settings first = load();
        assertTrue(Files.isRegularFile(snapshot));
        Files.writeString(dir.resolve("resources/wiki.yaml"), "- url: https://example.org/b\n  stable_id: sid_b\n");

        Settings kept = load();

        assertEquals(first, kept);
        assertEquals(loader.load(config), kept);
        assertEquals(List.of("https://example.org/a", "https://example.org/b"), kept.resources().stream().map(Resource::url).toList());
    }

    @Test
    void itIsKeyedOnContentNotOnTimes() throws Exception {
        load();
        long kept = Files.getLastModifiedTime(snapshot).toMillis();
        Files.setLastModifiedTime(config, FileTime.from(NOW.minusSeconds(60)));

        assertEquals(loader.load(config), load());
        assertEquals(kept, Files.getLastModifiedTime(snapshot).toMillis(), "same content: the snapshot serves, untouched");
    }

    @Test
    void anEditOfConfigYamlIsSeenEvenAtTheSameSizeAndTime() throws Exception {
        load();
        FileTime time = Files.getLastModifiedTime(config);
        Files.writeString(config, Files.readString(config).replace("title: A", "title: Z"));
        Files.setLastModifiedTime(config, time);

        assertEquals("Z", load().resources().get(0).title().orElseThrow());
    }

    @Test
    void anEditOfAResourceFileOrANewOneIsSeen() throws Exception {
        load();
        Files.writeString(dir.resolve("resources/more.yaml"), "- url: https://example.org/c\n");

        assertEquals(3, load().resources().size());
        Files.writeString(dir.resolve("resources/wiki.yaml"), "- url: https://example.org/d\n");
        assertEquals(List.of("https://example.org/a", "https://example.org/c", "https://example.org/d"),
                load().resources().stream().map(Resource::url).toList());
    }

    @Test
    void anotherBuildOfSnapcacheReadsTheFilesAgain() throws Exception {
        load();
        Files.writeString(dir.resolve("resources/wiki.yaml"), "- url: https://example.org/e\n");
        age(dir.resolve("resources/wiki.yaml"));
        Files.writeString(snapshot, Files.readString(snapshot).replace("https://example.org/b", "https://example.org/e"));

        assertEquals("https://example.org/e", load().resources().get(1).url(), "the altered snapshot matches no key");
    }

    @Test
    void aBrokenCatalogueIsNeverKeptAndStillReported() throws Exception {
        load();
        writeConfig("resources:\n  - url: https://example.org/a\n    colour: blue\n");
        age(config);

        assertThrows(ConfigException.class, this::load);
        assertThrows(ConfigException.class, this::load);
    }

    @Test
    void invalidEntriesAndWarningsAreKeptWithTheCatalogue() throws Exception {
        writeConfig("resources:\n  - url: https://\n  - url: https://example.org/a\n  - url: https://example.org/a\n");
        age(config);

        Settings read = load();
        assertTrue(Files.exists(snapshot));
        Settings kept = load();

        assertEquals(read, kept);
        assertEquals(1, kept.invalid().size());
        assertEquals(1, kept.warnings().size());
    }

    @Test
    void aSmallCatalogueIsParsedEveryTime() throws Exception {
        Files.writeString(config, "resources:\n  - url: https://example.org/a\n");
        age(config);

        load();

        assertFalse(Files.exists(snapshot));
    }

    @Test
    void aLoadWhileAFileMayStillBeChangingIsNotKept() throws Exception {
        Files.writeString(config, Files.readString(config));

        load();

        assertFalse(Files.exists(snapshot));
    }

    @Test
    void aDamagedSnapshotIsIgnored() throws Exception {
        load();
        byte[] bytes = Files.readAllBytes(snapshot);
        Files.write(snapshot, Arrays.copyOf(bytes, bytes.length / 2));

        assertEquals(loader.load(config), load());
    }

    @Test
    void theCacheFolderIsFoundFromItsLineWithoutAParse() {
        assertEquals(dir.resolve("cache"), ConfigLoader.likelyCacheDir(config));
    }
}
