package org.snapcache.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.snapcache.cache.MetaJson;

/**
 * Writes a long report in order while its rows are formatted on other threads. A report over
 * 100,000 entries spent half a second formatting its lines on one thread after every entry had
 * been read; the rows are now cut into chunks, each formatted to text on its own, and the main
 * thread writes the chunks in order as they are done. Only a few chunks are formatted ahead of
 * the one being written, so that the text of the whole report is never held at once. A report
 * of one chunk is formatted where it is asked for.
 */
final class ChunkedOutput {

    /** Rows per chunk: a few hundred kilobytes of text. */
    static final int CHUNK = 2_000;

    private ChunkedOutput() {}

    /** Formats a run of rows to the text they make, the same whatever chunk they fall in. */
    @FunctionalInterface
    interface Format<T> {
        String format(List<T> rows) throws IOException;
    }

    /** Writes the text of every chunk, in order. */
    static <T> void write(Writer out, List<T> rows, Format<T> format) throws IOException {
        write(out, rows, format, "", 0, 0);
    }

    /**
     * The rows as one JSON array, byte for byte as {@link MetaJson#writeArray} writes it: each
     * chunk's values are written as an array, and the arrays' insides joined with commas.
     */
    static <T> void writeJsonArray(Writer out, List<T> rows, MetaJson.ValueWriter<T> writer) throws IOException {
        if (rows.size() <= CHUNK) {
            MetaJson.writeArray(out, rows, writer);
            return;
        }
        out.write(ARRAY_START);
        write(out, rows, chunk -> {
            StringWriter text = new StringWriter(chunk.size() * 512);
            MetaJson.writeArray(text, chunk, writer);
            String array = text.toString();
            if (!array.startsWith(ARRAY_START) || !array.endsWith(ARRAY_END)) {
                throw new IllegalStateException("a JSON array of " + chunk.size() + " values does not end in \"\\n]\\n\"");
            }
            return array;
        }, ",", ARRAY_START.length(), ARRAY_END.length());
        out.write(ARRAY_END);
    }

    /** How {@link MetaJson#writeArray} starts and ends an array that has values. */
    private static final String ARRAY_START = "[";
    private static final String ARRAY_END = "\n]\n";

    /** Threads formatting chunks: every core, as the writer mostly waits for them. */
    private static final int FORMATTERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /**
     * Writes each chunk's text less {@code cutStart} characters at its start and {@code cutEnd}
     * at its end, with {@code between} between two chunks.
     */
    private static <T> void write(Writer out, List<T> rows, Format<T> format, String between, int cutStart, int cutEnd)
            throws IOException {
        if (rows.size() <= CHUNK) {
            String text = format.format(rows);
            out.write(text, cutStart, text.length() - cutStart - cutEnd);
            return;
        }
        ExecutorService formatters = Executors.newFixedThreadPool(FORMATTERS, task -> {
            Thread thread = new Thread(task, "snapcache-format");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<String>> ahead = new ArrayDeque<>();
            int next = 0;
            for (int written = 0; written < rows.size(); written += CHUNK) {
                while (next < rows.size() && ahead.size() < 2 * FORMATTERS) {
                    List<T> chunk = rows.subList(next, Math.min(rows.size(), next + CHUNK));
                    ahead.add(formatters.submit(() -> format.format(chunk)));
                    next += CHUNK;
                }
                String text = text(ahead.remove());
                if (written > 0) {
                    out.write(between);
                }
                out.write(text, cutStart, text.length() - cutStart - cutEnd);
            }
        } finally {
            formatters.shutdownNow();
        }
    }

    private static String text(Future<String> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the report", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
