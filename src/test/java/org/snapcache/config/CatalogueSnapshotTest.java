package org.snapcache.config;

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

class CatalogueSnapshotTest {

    @TempDir
    Path dir;

    Path config;
    final ConfigLoader loader = new ConfigLoader("snapcache-test");

    @BeforeEach
    void aCatalogueWrittenAnHourAgo() throws Exception {
        Files.createDirectories(dir.resolve("cache"));
        Files.createDirectories(dir.resolve("resources"));
        config = dir.resolve("config.yaml");
        Files.writeString(config, "resources:\n  - url: https://example.org/a\n    title: A\nresource-files:\n  - resources/*.yaml\n");
        Files.writeString(dir.resolve("resources/wiki.yaml"), "- url: https://example.org/b\n");
        age(config, dir.resolve("resources/wiki.yaml"));
    }

    static void age(Path... files) throws Exception {
        for (Path file : files) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
        }
    }

    @Test
    void aSecondReadOfAnUnchangedCatalogueComesFromTheSnapshotAndAgreesWithAFullRead() throws Exception {
        Settings first = loader.loadKept(config);
        assertTrue(Files.isRegularFile(dir.resolve("cache").resolve(CatalogueSnapshot.FILE)));

        Settings kept = CatalogueSnapshot.read(config, dir.resolve("cache"), CatalogueSnapshot.code() + " snapcache-test").orElseThrow();

        assertEquals(first, kept);
        assertEquals(loader.load(config), loader.loadKept(config));
        assertEquals(List.of("https://example.org/a", "https://example.org/b"), kept.resources().stream().map(Resource::url).toList());
    }

    @Test
    void anEditOfConfigYamlIsSeenEvenAtTheSameSize() throws Exception {
        loader.loadKept(config);
        Files.writeString(config, Files.readString(config).replace("title: A", "title: Z"));

        assertEquals("Z", loader.loadKept(config).resources().get(0).title().orElseThrow());
    }

    @Test
    void anEditOfAResourceFileOrANewOneIsSeen() throws Exception {
        loader.loadKept(config);
        Files.writeString(dir.resolve("resources/more.yaml"), "- url: https://example.org/c\n");

        assertEquals(3, loader.loadKept(config).resources().size());
        Files.writeString(dir.resolve("resources/wiki.yaml"), "- url: https://example.org/d\n");
        assertEquals(List.of("https://example.org/a", "https://example.org/c", "https://example.org/d"),
                loader.loadKept(config).resources().stream().map(Resource::url).toList());
    }

    @Test
    void aBrokenCatalogueIsNeverKeptAndStillReported() throws Exception {
        loader.loadKept(config);
        Files.writeString(config, "resources:\n  - url: https://example.org/a\n    colour: blue\n");
        age(config);

        assertThrows(ConfigException.class, () -> loader.loadKept(config));
        assertThrows(ConfigException.class, () -> loader.loadKept(config));
    }

    @Test
    void invalidEntriesAndWarningsAreKeptWithTheCatalogue() throws Exception {
        Files.writeString(config, "resources:\n  - url: https://\n  - url: https://example.org/a\n  - url: https://example.org/a\n");
        age(config);

        Settings read = loader.loadKept(config);
        assertTrue(Files.exists(dir.resolve("cache").resolve(CatalogueSnapshot.FILE)));
        Settings kept = loader.loadKept(config);

        assertEquals(read.invalid(), kept.invalid());
        assertEquals(read.warnings(), kept.warnings());
        assertEquals(1, kept.invalid().size());
        assertEquals(1, kept.warnings().size());
    }

    @Test
    void aFileChangedJustNowIsNotVouchedFor() throws Exception {
        Files.writeString(config, Files.readString(config));

        loader.loadKept(config);

        assertFalse(Files.exists(dir.resolve("cache").resolve(CatalogueSnapshot.FILE)));
    }

    @Test
    void aDamagedSnapshotIsIgnored() throws Exception {
        loader.loadKept(config);
        Path snapshot = dir.resolve("cache").resolve(CatalogueSnapshot.FILE);
        byte[] bytes = Files.readAllBytes(snapshot);
        Files.write(snapshot, Arrays.copyOf(bytes, bytes.length / 2));

        assertEquals(loader.load(config), loader.loadKept(config));
    }

    @Test
    void theCacheFolderIsFoundFromItsLineWithoutAParse() {
        assertEquals(dir.resolve("cache"), ConfigLoader.likelyCacheDir(config));
    }
}
