package org.snapcache.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Resource ids: derived from the URL as written, or given by the catalogue; always safe as a folder name. */
public final class ResourceId {

    private ResourceId() {}

    /** The first 16 lowercase hex characters of SHA-256 of the URL exactly as written. */
    public static String forUrl(String url) {
        return HexFormat.of().formatHex(sha256(url.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /** {@code [A-Za-z0-9_-]{1,64}}: nothing that could climb out of the cache folder or hide in it. */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** One digest per thread: looking the algorithm up costs more than hashing a URL. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    public static byte[] sha256(byte[] bytes) {
        return SHA256.get().digest(bytes);
    }
}
