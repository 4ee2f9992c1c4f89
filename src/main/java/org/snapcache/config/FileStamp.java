package org.snapcache.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What one {@code lstat} says of a file that changes whenever its content does: its file key
 * (inode), size and modification time. Derived data kept beside a file (a status index, a parsed
 * catalogue) is trusted only while the file's stamp is exactly the one recorded; and a stamp
 * taken within {@link #SETTLE} of the file's last change is not recorded at all, since a second
 * change within the same clock tick would not show in it (git's "racy" entries).
 */
public record FileStamp(long key, long size, long modifiedNanos) {

    /** How long a file must have been unchanged before its stamp can vouch for it. */
    public static final Duration SETTLE = Duration.ofSeconds(2);

    /** The stamp of a plain file (not followed if a link), or empty when there is none or it is something else. */
    public static java.util.Optional<FileStamp> of(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FileStamp(Objects.hashCode(attributes.fileKey()), attributes.size(),
                nanos(attributes.lastModifiedTime().toInstant())));
    }

    /** Whether the file had been unchanged for {@link #SETTLE} at {@code when}. */
    public boolean settledAt(Instant when) {
        return settled(modifiedNanos, when);
    }

    /**
     * Whether a file last modified at {@code modifiedNanos} (see {@link #nanos}) had been unchanged
     * for {@link #SETTLE} at {@code when}.
     */
    public static boolean settled(long modifiedNanos, Instant when) {
        return modifiedNanos < nanos(when.minus(SETTLE));
    }

    /** An instant as nanoseconds since the epoch, the unit of a stamp's modification time. */
    public static long nanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }
}
