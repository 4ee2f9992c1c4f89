package org.snapcache.config;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * How snapcache's derived files (the status index, the catalogue snapshot) store text: its length
 * in UTF-8 bytes, -1 for null, then the bytes. A length running past the end means a damaged file.
 */
public final class DerivedData {

    private DerivedData() {}

    /** Writes a derived file's bytes. */
    public interface Content {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Replaces a derived file by writing a temporary one beside it (named {@code .tmp-...}, as the
     * next run's recovery removes) and renaming it over the target. Never fails: derived data is
     * only an aid, so a read-only cache or a full disk just means it is computed again next time.
     */
    public static void replaceQuietly(Path target, Content content) {
        Path temp = target.resolveSibling(".tmp-" + target.getFileName() + "-" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE));
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                content.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // computed again next time
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a leftover the next run's recovery removes
            }
        }
    }

    public static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * A derived file's bytes, to be read with {@link #readText} and the buffer's own getters. The
     * file is mapped rather than read into the heap: its pages are the page cache's, so a large
     * index costs no fresh memory (which is slow to come by on some virtual machines). Derived
     * files are only ever replaced by a rename, never changed in place, so the mapping stays whole.
     */
    public static ByteBuffer read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
    }

    /**
     * Whether the next text in {@code in} (as {@link #readText} would read it) is {@code known},
     * an ASCII string; if so, it is passed over without being decoded, and if not, nothing is read.
     */
    public static boolean skipText(ByteBuffer in, String known) {
        int at = in.position();
        if (in.remaining() < Integer.BYTES || in.getInt(at) != known.length() || known.length() > in.remaining() - Integer.BYTES) {
            return false;
        }
        for (int i = 0; i < known.length(); i++) {
            char c = known.charAt(i);
            if (c >= 0x80 || in.get(at + Integer.BYTES + i) != (byte) c) {
                return false;
            }
        }
        in.position(at + Integer.BYTES + known.length());
        return true;
    }

    /** Where text is copied out of a mapped file on its way into a string, one per reading thread. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

    /**
     * Text written by {@link #writeText}.
     *
     * @throws IllegalStateException when the length runs past the end
     */
    public static String readText(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        if (length > in.remaining()) {
            throw new IllegalStateException("a field of " + length + " bytes runs past the end");
        }
        byte[] scratch = SCRATCH.get();
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
            SCRATCH.set(scratch);
        }
        in.get(scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }
}
