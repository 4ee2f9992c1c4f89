package org.snapcache.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Output that text from outside (a page's title, an archive's error header, a hand-edited
 * meta.json) cannot use to steer a terminal: control characters (C0 but tab and line break, with
 * ESC among them; DEL; C1) and the bidirectional controls U+202A-U+202E and U+2066-U+2069 are
 * written as JSON escapes them (a backslash, u and four hex digits). Only snapcache's own progress
 * line passes a control sequence, through {@link #control}.
 */
final class SafeOutput extends PrintWriter {

    private final Writer raw;

    SafeOutput(Writer raw) {
        super(new Neutraliser(raw), true);
        this.raw = raw;
    }

    /** Writes {@code sequence} as it is: for snapcache's own control sequences, never for text from outside. */
    void control(String sequence) {
        flush();
        try {
            raw.write(sequence);
            raw.flush();
        } catch (IOException e) {
            setError();
        }
    }

    /** {@code text} with what could steer a terminal or reorder what it shows written as a JSON escape. */
    static String neutralise(String text) {
        StringWriter out = new StringWriter(text.length());
        try (Neutraliser neutraliser = new Neutraliser(out)) {
            neutraliser.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    static boolean isUnsafe(char c) {
        return c < 0x20 && c != '\t' && c != '\n' || c >= 0x7f && c <= 0x9f || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069';
    }

    /** Neutralises what passes through; a carriage return stays only before a line feed (CSV's line ends). */
    private static final class Neutraliser extends Writer {

        private final Writer out;
        private boolean carriageReturn;

        Neutraliser(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            int safeFrom = offset;
            for (int i = offset; i < offset + length; i++) {
                char c = chars[i];
                if (carriageReturn) {
                    carriageReturn = false;
                    out.write(c == '\n' ? "\r" : "\\u000D");
                }
                if (isUnsafe(c)) {
                    out.write(chars, safeFrom, i - safeFrom);
                    safeFrom = i + 1;
                    if (c == '\r') {
                        carriageReturn = true;
                    } else {
                        out.write(String.format("\\u%04X", (int) c));
                    }
                }
            }
            out.write(chars, safeFrom, offset + length - safeFrom);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (carriageReturn) {
                carriageReturn = false;
                out.write("\\u000D");
            }
            out.close();
        }
    }
}
