package org.snapcache.cli;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * the one being written, into buffers used again once written, so that a report's text costs a
 * few buffers rather than its whole length in fresh memory. A report of one chunk is formatted
 * straight to the writer, on the caller's thread.
 */
final class ChunkedOutput {

    /** Rows per chunk: a few hundred kilobytes of text. */
    static final int CHUNK = 2_000;

    private ChunkedOutput() {}

    /** Formats a run of rows to the text they make, the same whatever chunk they fall in. */
    @FunctionalInterface
    interface Format<T> {
        void format(List<T> rows, Writer text) throws IOException;
    }

    /** Writes the text of every chunk, in order. */
    static <T> void write(Writer out, List<T> rows, Format<T> format) throws IOException {
        write(out, rows, format, "", "", "");
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
        write(out, rows, (chunk, text) -> MetaJson.writeArray(text, chunk, writer), ",", ARRAY_START, ARRAY_END);
        out.write(ARRAY_END);
    }

    /** How {@link MetaJson#writeArray} starts and ends an array that has values. */
    private static final String ARRAY_START = "[";
    private static final String ARRAY_END = "\n]\n";

    /** Threads formatting chunks: every core, as the writer mostly waits for them. */
    private static final int FORMATTERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** A chunk's text; written on from its buffer, which the next chunk then uses. */
    private static final class Text extends CharArrayWriter {

        Text() {
            super(CHUNK * 256);
        }

        /** Writes the text less the frame each chunk's text has ({@code start} and {@code end}). */
        void writeTo(Writer out, String start, String end) throws IOException {
            boolean framed = count >= start.length() + end.length() && new String(buf, 0, start.length()).equals(start)
                    && new String(buf, count - end.length(), end.length()).equals(end);
            if (!framed) {
                throw new IllegalStateException("a chunk's text is not framed by \"" + start + "\" and \"" + end + "\"");
            }
            out.write(buf, start.length(), count - start.length() - end.length());
        }
    }

    /** Writes each chunk's text less the frame it has, {@code start} and {@code end}, with {@code between} between two. */
    private static <T> void write(Writer out, List<T> rows, Format<T> format, String between, String start, String end)
            throws IOException {
        if (rows.size() <= CHUNK && start.isEmpty() && end.isEmpty()) {
            format.format(rows, out); // a short report: no buffer, no thread
            return;
        }
        ExecutorService formatters = Executors.newFixedThreadPool(FORMATTERS, task -> {
            Thread thread = new Thread(task, "snapcache-format");
            thread.setDaemon(true);
            return thread;
        });
        Queue<Text> written = new ConcurrentLinkedQueue<>();
        try {
            Deque<Future<Text>> ahead = new ArrayDeque<>();
            int next = 0;
            for (int from = 0; from < rows.size(); from += CHUNK) {
                while (next < rows.size() && ahead.size() < 2 * FORMATTERS) {
                    List<T> chunk = rows.subList(next, Math.min(rows.size(), next + CHUNK));
                    ahead.add(formatters.submit(() -> {
                        Text text = written.poll();
                        if (text == null) {
                            text = new Text();
                        }
                        text.reset();
                        format.format(chunk, text);
                        return text;
                    }));
                    next += CHUNK;
                }
                Text text = text(ahead.remove());
                if (from > 0) {
                    out.write(between);
                }
                text.writeTo(out, start, end);
                written.add(text);
            }
        } finally {
            formatters.shutdownNow();
        }
    }

    private static Text text(Future<Text> chunk) throws IOException {
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
