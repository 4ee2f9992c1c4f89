package org.snapcache.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./snapcache launcher makes its class-data-sharing archive again whenever the JVM it was
 * made for is no longer the one that runs: the JVM would otherwise ignore it without a word. Run
 * here against a project folder with a built jar and a stand-in java that only notes how it was
 * run (and leaves an archive where asked for one).
 */
class LauncherTest {

    @TempDir
    Path dir;

    Path jdk;
    Path log;

    @BeforeEach
    void project() throws Exception {
        Path launcher = Files.copy(Path.of("snapcache").toAbsolutePath(), dir.resolve("snapcache"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("src/main"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/snapcache.jar"), "jar");
        for (Path source : new Path[] {dir.resolve("src/main"), dir.resolve("pom.xml")}) {
            Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        }
        jdk = dir.resolve("jdk");
        log = dir.resolve("java.log");
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                echo "$*" >> "%s"
                for arg in "$@"; do
                  case "$arg" in -XX:ArchiveClassesAtExit=*) : > "${arg#*=}" ;; esac
                done
                """.formatted(log));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(jdk.resolve("lib/server"));
        Files.writeString(jdk.resolve("lib/server/classes.jsa"), "the JDK's archive");
        Files.setLastModifiedTime(jdk.resolve("lib/server/classes.jsa"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** Runs the launcher's --version; whether it made the archive on the way. */
    boolean trains() throws Exception {
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(dir.resolve("snapcache").toString(), "--version").redirectErrorStream(true);
        builder.environment().put("PATH", jdk.resolve("bin") + ":/usr/bin:/bin");
        builder.environment().remove("SNAPCACHE_JAVA_OPTS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        String runs = Files.readString(log);
        assertTrue(runs.lines().reduce((first, last) -> last).orElse("").contains("-XX:SharedArchiveFile="), runs);
        return runs.contains("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void theArchiveIsMadeOnceForAJvmAndAgainWhenTheJvmOrItsOwnArchiveChanges() throws Exception {
        assertTrue(trains(), "made for a new build");
        assertFalse(trains(), "kept while nothing changed");

        // an update of the JDK replaces its java binary, with the package's own modification time
        Files.setLastModifiedTime(jdk.resolve("bin/java"), FileTime.from(Instant.parse("2025-06-01T00:00:00Z")));
        assertTrue(trains(), "made again for an updated JDK");
        assertFalse(trains(), "kept while nothing changed");

        // java -Xshare:dump writes the JDK's own archive anew
        Files.setLastModifiedTime(jdk.resolve("lib/server/classes.jsa"), FileTime.from(Instant.now().plusSeconds(60)));
        assertTrue(trains(), "made again on a new JDK archive");
    }

    @Test
    void anArchiveFromALauncherThatKeptNoStampIsMadeAgainOnce() throws Exception {
        assertTrue(trains());
        Files.delete(dir.resolve("target/snapcache.jsa.jvm"));
        assertTrue(trains(), "made again, since nothing says which JVM it was made for");
        assertFalse(trains());
    }
}
