package org.snapcache.config;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
     * file is read whole: its text is then decoded from these bytes with no copy in between.
     */
    public static ByteBuffer read(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file));
    }

    /**
     * Text written by {@link #writeText}, from a buffer over an array (as {@link #read} gives).
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
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
