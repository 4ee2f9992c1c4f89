package org.snapcache.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a body is by its first bytes, as browsers judge it: the WHATWG MIME Sniffing Standard
 * (https://mimesniff.spec.whatwg.org/), its rules for identifying an unknown MIME type and the
 * byte patterns of images, audio and video, fonts and archives. A stray control byte in text
 * leaves it text: only the patterns, or binary bytes in a body that nothing labels, say otherwise.
 */
final class MimeSniffing {

    /** The bytes the standard looks at: its "resource header". */
    static final int HEADER = 1445;

    private MimeSniffing() {}

    /** A pattern of bytes, where a mask byte of 0 takes any byte, and the type it means. */
    private record Pattern(byte[] bytes, byte[] mask, String type) {

        static Pattern of(String type, int... bytes) {
            byte[] pattern = new byte[bytes.length];
            byte[] mask = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                pattern[i] = (byte) Math.max(bytes[i], 0);
                mask[i] = (byte) (bytes[i] < 0 ? 0 : 0xff); // -1 in a pattern: any byte
            }
            return new Pattern(pattern, mask, type);
        }

        static Pattern of(String type, String ascii) {
            return of(type, ascii.chars().toArray());
        }

        boolean matches(byte[] body) {
            if (body.length < bytes.length) {
                return false;
            }
            for (int i = 0; i < bytes.length; i++) {
                if ((body[i] & mask[i]) != bytes[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Images, audio and video, fonts and archives (the standard's sections 6.1-6.4), and PDF and PostScript. */
    private static final Pattern[] BINARY = {
        Pattern.of("image/x-icon", 0, 0, 1, 0), Pattern.of("image/x-icon", 0, 0, 2, 0), Pattern.of("image/bmp", "BM"),
        Pattern.of("image/gif", "GIF87a"), Pattern.of("image/gif", "GIF89a"),
        Pattern.of("image/webp", 'R', 'I', 'F', 'F', -1, -1, -1, -1, 'W', 'E', 'B', 'P', 'V', 'P'),
        Pattern.of("image/png", 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a), Pattern.of("image/jpeg", 0xff, 0xd8, 0xff),
        Pattern.of("audio/aiff", 'F', 'O', 'R', 'M', -1, -1, -1, -1, 'A', 'I', 'F', 'F'), Pattern.of("audio/mpeg", "ID3"),
        Pattern.of("application/ogg", 'O', 'g', 'g', 'S', 0), Pattern.of("audio/midi", 'M', 'T', 'h', 'd', 0, 0, 0, 6),
        Pattern.of("video/avi", 'R', 'I', 'F', 'F', -1, -1, -1, -1, 'A', 'V', 'I', ' '),
        Pattern.of("audio/wave", 'R', 'I', 'F', 'F', -1, -1, -1, -1, 'W', 'A', 'V', 'E'),
        Pattern.of("video/mp4", -1, -1, -1, -1, 'f', 't', 'y', 'p'), Pattern.of("video/webm", 0x1a, 0x45, 0xdf, 0xa3),
        Pattern.of("font/ttf", 0, 1, 0, 0), Pattern.of("font/otf", "OTTO"), Pattern.of("font/collection", "ttcf"),
        Pattern.of("font/woff", "wOFF"), Pattern.of("font/woff2", "wOF2"),
        Pattern.of("application/x-gzip", 0x1f, 0x8b, 0x08), Pattern.of("application/zip", 'P', 'K', 3, 4),
        Pattern.of("application/x-rar-compressed", 'R', 'a', 'r', ' ', 0x1a, 7, 0),
        Pattern.of("application/x-rar-compressed", 'R', 'a', 'r', '!', 0x1a, 7, 0),
        Pattern.of("application/pdf", "%PDF-"), Pattern.of("application/postscript", "%!PS-Adobe-"),
    };

    /** Tags that open an HTML document, each followed by a space or {@code >} (section 7.1). */
    private static final String[] HTML_STARTS = {"<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV",
        "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--"};

    /** The type the body's first bytes declare whatever its label: an image, audio, video, font, archive, PDF or PostScript. */
    static Optional<String> binarySignature(byte[] body) {
        for (Pattern pattern : BINARY) {
            if (pattern.matches(body)) {
                return Optional.of(pattern.type());
            }
        }
        return Optional.empty();
    }

    /** The type of a body that nothing labels: HTML, XML, PDF, a known binary format, else text unless binary bytes say otherwise. */
    static String unlabelled(byte[] body) {
        if (bom(body).isPresent()) {
            return "text/plain";
        }
        int start = 0;
        while (start < body.length && (body[start] == '\t' || body[start] == '\n' || body[start] == '\f' || body[start] == '\r'
                || body[start] == ' ')) {
            start++;
        }
        for (String tag : HTML_STARTS) {
            if (startsWithIgnoringCase(body, start, tag) && body.length > start + tag.length()
                    && (body[start + tag.length()] == ' ' || body[start + tag.length()] == '>')) {
                return "text/html";
            }
        }
        if (startsWithIgnoringCase(body, start, "<?XML")) {
            return "text/xml";
        }
        Optional<String> binary = binarySignature(body);
        if (binary.isPresent()) {
            return binary.get();
        }
        for (int i = 0; i < Math.min(body.length, HEADER); i++) {
            if (isBinaryDataByte(body[i] & 0xff)) {
                return "application/octet-stream";
            }
        }
        return "text/plain";
    }

    /**
     * Whether a body labelled as text is binary all the same: more than one byte in twenty of its
     * first 8 KB is a binary data byte, as in random bytes (one in ten), never in text with a stray
     * control byte. Text in UTF-16, full of NUL bytes, begins with its byte order mark.
     */
    static boolean mostlyBinary(byte[] body) {
        if (bom(body).isPresent()) {
            return false;
        }
        int length = Math.min(body.length, 8192);
        int binary = 0;
        for (int i = 0; i < length; i++) {
            if (isBinaryDataByte(body[i] & 0xff)) {
                binary++;
            }
        }
        return binary * 20 > length;
    }

    /** The standard's binary data bytes: control characters that text does not use. */
    private static boolean isBinaryDataByte(int b) {
        return b <= 0x08 || b == 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f);
    }

    /** The charset a byte order mark at the start of {@code body} names: UTF-8, UTF-16BE or UTF-16LE. */
    static Optional<Charset> bom(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static boolean startsWithIgnoringCase(byte[] body, int start, String upper) {
        if (body.length - start < upper.length()) {
            return false;
        }
        for (int i = 0; i < upper.length(); i++) {
            int b = body[start + i] & 0xff;
            if ((b >= 'a' && b <= 'z' ? b - 32 : b) != upper.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
