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
 * The ./snapcache launcher, run against a project folder with a built jar and a stand-in JDK
 * whose java only notes how it was run and exits with the code it is told to.
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
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/snapcache.jar"), "jar");
        jdk = dir.resolve("jdk");
        log = dir.resolve("java.log");
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                echo "$*" >> "%s"
                exit "${STAND_IN_EXIT:-0}"
                """.formatted(log));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the launcher with JAVA_HOME at the stand-in JDK; its exit code and how java was run. */
    String[] launch(String javaVersion, int exit, String... args) throws Exception {
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Stand-in\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        Files.deleteIfExists(log);
        String[] command = new String[args.length + 1];
        command[0] = dir.resolve("snapcache").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("STAND_IN_EXIT", String.valueOf(exit));
        builder.environment().remove("SNAPCACHE_JAVA_OPTS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        return new String[] {String.valueOf(code), Files.exists(log) ? Files.readString(log).strip() : "", output};
    }

    @Test
    void aJdkThatKeepsItsOwnClassArchiveRunsTheJarWithOne() throws Exception {
        String[] run = launch("25.0.3", 0, "status", "--json");

        assertEquals("0", run[0], run[2]);
        assertEquals("-XX:TieredStopAtLevel=1 -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=" + dir.toRealPath()
                + "/target/snapcache.jsa -Xlog:cds=off,cds+dynamic=off -jar " + dir.toRealPath() + "/target/snapcache.jar status --json", run[1]);
    }

    @Test
    void anArchiveOlderThanTheJarIsRemovedForTheJvmToMakeAgain() throws Exception {
        Path archive = Files.writeString(dir.resolve("target/snapcache.jsa"), "archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));

        launch("25.0.3", 0, "show", "8f738b406e4bfc32");

        assertFalse(Files.exists(archive), "JDK 25 would neither use nor replace it");
    }

    @Test
    void anArchiveNewerThanTheJarIsKept() throws Exception {
        Files.setLastModifiedTime(dir.resolve("target/snapcache.jar"), FileTime.from(Instant.now().minusSeconds(60)));
        Path archive = Files.writeString(dir.resolve("target/snapcache.jsa"), "archive");

        launch("25.0.3", 0, "show", "8f738b406e4bfc32");

        assertTrue(Files.exists(archive));
    }

    @Test
    void theExitCodeIsSnapcachesOwn() throws Exception {
        for (int code = 0; code <= 4; code++) {
            assertEquals(String.valueOf(code), launch("25", code, "run")[0]);
        }
    }

    @Test
    void anOlderJdkInJavaHomeIsPassedOverForOneThatKeepsAnArchive() throws Exception {
        String[] run = launch("17.0.15", 0, "--version");

        assertTrue(run[1].isEmpty() || !run[1].contains("AutoCreateSharedArchive"),
                "the stand-in JDK 17 was not run with an option it does not know: " + run[1]);
    }
}
