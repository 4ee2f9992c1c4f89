package org.snapcache.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.snapcache.config.ConfigException;

/**
 * {@code cache/.lock}, held by {@code run} and {@code refresh} while they write. It is an
 * operating-system file lock, so it goes away with the process that held it: a crash never
 * blocks the next night. The file itself stays; it records who holds it, for the message.
 */
public final class CacheLock implements AutoCloseable {

    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private CacheLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws ConfigException when the cache folder cannot be made or written: the configuration
     *     names a folder snapcache cannot use
     */
    public static CacheLock acquire(Path cacheDir, Instant now) throws IOException, LockHeldException, ConfigException {
        Path file = cacheDir.resolve(FILE);
        FileChannel channel;
        try {
            Files.createDirectories(cacheDir);
            if (Files.isSymbolicLink(file)) {
                Files.delete(file); // the link, not what it names: nothing is ever written outside the cache
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException(List.of("cache-dir " + cacheDir + ": not a folder (" + e.getFile() + " is a file)"));
        } catch (AccessDeniedException e) {
            throw new ConfigException(List.of("cache-dir " + cacheDir + ": cannot be written (permission denied on "
                    + e.getFile() + ")"));
        } catch (FileSystemException e) {
            throw new ConfigException(List.of("cache-dir " + cacheDir + ": unusable (" + e.getFile() + ": "
                    + Optional.ofNullable(e.getReason()).orElse(e.getClass().getSimpleName()) + ")"));
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ByteBuffer holder = ByteBuffer.allocate(200); // "pid N since T", or whatever else a user put there
            channel.read(holder, 0);
            channel.close();
            throw new LockHeldException(file, new String(holder.array(), 0, holder.position(), StandardCharsets.UTF_8));
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + now + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return new CacheLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
