package org.snapcache.cache;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheLockTest {

    @TempDir
    Path dir;

    @Test
    void secondWriterIsRefusedWhileTheFirstHoldsIt() throws Exception {
        try (CacheLock first = CacheLock.acquire(dir, Instant.EPOCH)) {
            LockHeldException e = assertThrows(LockHeldException.class, () -> CacheLock.acquire(dir, Instant.EPOCH));
            assertTrue(e.getMessage().contains(".lock"), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        }
    }

    @Test
    void isFreeAgainOnceReleased() throws Exception {
        CacheLock.acquire(dir, Instant.EPOCH).close();
        CacheLock.acquire(dir, Instant.EPOCH).close();
    }

    @Test
    void isReleasedWhenItsHolderDies() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine();
            assertTrue("locked".equals(line), "holder said " + line);
            assertThrows(LockHeldException.class, () -> CacheLock.acquire(dir, Instant.EPOCH));
        } finally {
            holder.destroyForcibly().waitFor();
        }
        CacheLock.acquire(dir, Instant.EPOCH).close();
    }

    /** Takes the lock in another process and holds it until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            CacheLock lock = CacheLock.acquire(Path.of(args[0]), Instant.EPOCH);
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
            lock.close();
        }
    }
}
