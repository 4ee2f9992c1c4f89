package org.snapcache.config;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How snapcache's derived files (the status index, the catalogue snapshot) store text: its length
 * in UTF-8 bytes, -1 for null, then the bytes. A length running past the end means a damaged file.
 */
public final class DerivedData {

    private DerivedData() {}

    public static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** @throws IllegalStateException when the length runs past the end */
    public static String readText(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        if (length > in.remaining()) {
            throw new IllegalStateException("a field of " + length + " bytes runs past the end");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
