package org.snapcache.cache;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that a reader, or a crash, sees either the old content or the new, never a
 * mix: the bytes go to a temporary file in the same folder, are flushed to disk, and the temporary
 * file is then renamed over the target.
 */
public final class AtomicFiles {

    /** Temporary files start with this, so that a later run can recognise and remove leftovers. */
    public static final String TEMP_PREFIX = ".tmp-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    static String randomSuffix() {
        return Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    /** Flushes a folder's entries (renames into it) to disk, where the platform allows it. */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a folder be opened or synced; the renames are atomic regardless
        }
    }

    /** What is written into a file, as it is written. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a file that must not exist yet, and flushes it to disk. */
    static void writeNew(Path file, byte[] bytes) throws IOException {
        writeNew(file, out -> out.write(bytes));
    }

    private static void writeNew(Path file, Content content) throws IOException {
        // CREATE_NEW with the default permissions: a cache is often read by another user (the wiki's)
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** As {@link #write(Path, byte[])}, for a file written as it is made rather than held whole first. */
    public static void write(Path target, Content content) throws IOException {
        Path temp = target.resolveSibling(TEMP_PREFIX + target.getFileName() + "-" + randomSuffix());
        try {
            writeNew(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(target.getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
