package org.snapcache.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snapcache.Environment;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.MetaJson;
import org.snapcache.config.ResourceId;
import picocli.CommandLine;

/** status starts reading the cache before picocli builds its command line, as Main runs it. */
class StatusEarlyTest {

    static final Instant NOW = Instant.parse("2026-04-09T12:00:00Z");
    static final String URL = "https://example.org/a";

    @TempDir
    Path dir;

    @Test
    void theConfigurationIsTheOneGivenBeforeTheSubcommand() {
        assertEquals(Path.of("config.yaml"), SnapcacheCommand.configIn("status"));
        assertEquals(Path.of("wiki.yaml"), SnapcacheCommand.configIn("--config", "wiki.yaml", "status", "--json"));
        assertEquals(Path.of("wiki.yaml"), SnapcacheCommand.configIn("-v", "--config=wiki.yaml", "status"));
        assertEquals(Path.of("config.yaml"), SnapcacheCommand.configIn("status", "--config", "other.yaml"));
        assertEquals(Path.of("config.yaml"), SnapcacheCommand.configIn("--config"));
    }

    @Test
    void theCacheLookedAtEarlyServesOneReportAndTheNextLooksAgain() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "cache-dir: cache\nresources:\n  - url: " + URL + "\n");
        Path entry = Files.createDirectories(dir.resolve("cache").resolve(ResourceId.forUrl(URL)));
        entry(entry, "Before", Duration.ofHours(2));
        // a first report records the settled entry in the status index
        assertEquals(0, Cli.run(Cli.at(NOW), "--config", config.toString(), "status").exitCode());

        String[] args = {"--config", config.toString(), "status", "--json"};
        CommandLine commandLine = SnapcacheCommand.commandLine(Cli.at(NOW), args);
        StringWriter first = new StringWriter();
        commandLine.setOut(new PrintWriter(first, true));
        assertEquals(0, commandLine.execute(args));
        assertTrue(first.toString().contains("\"title\": \"Before\""), first.toString());

        entry(entry, "After, by hand", Duration.ofHours(1));
        StringWriter second = new StringWriter();
        commandLine.setOut(new PrintWriter(second, true));
        assertEquals(0, commandLine.execute(args));
        assertTrue(second.toString().contains("\"title\": \"After, by hand\""), second.toString());
    }

    /** A fresh entry with this title, its files last changed {@code ago}. */
    static void entry(Path entry, String title, Duration ago) throws Exception {
        String id = entry.getFileName().toString();
        EntryMeta meta = new EntryMeta(EntryMeta.SCHEMA_VERSION, id, URL, null, title, null, null, null, null, "live", NOW, NOW,
                200, "text/html", "UTF-8", 100L, 4, 4, false, "sha256:00", null, NOW, null, 0);
        Files.writeString(entry.resolve("meta.json"), MetaJson.write(meta));
        Files.writeString(entry.resolve("preview.txt"), "Text");
        FileTime then = FileTime.from(Instant.now().minus(ago));
        Files.setLastModifiedTime(entry.resolve("meta.json"), then);
        Files.setLastModifiedTime(entry.resolve("preview.txt"), then);
    }
}
