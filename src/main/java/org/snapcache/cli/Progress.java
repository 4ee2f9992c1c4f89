package org.snapcache.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A live progress line for a run on a terminal: done/total, failures, rate and time left,
 * redrawn in place at most ten times a second. Lines printed meanwhile go above it.
 */
final class Progress {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String name;
    private final int total;
    private final LongSupplier nanos;
    private final long started;
    private long drawnAt = Long.MIN_VALUE;
    private boolean shown;

    Progress(PrintWriter err, String name, int total, LongSupplier nanos) {
        this.err = err;
        this.name = name;
        this.total = total;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
    }

    /** Redraws the line, unless it was drawn less than a tenth of a second ago and this is not the last. */
    void update(int done, int failed) {
        long now = nanos.getAsLong();
        if (done < total && drawnAt != Long.MIN_VALUE && now - drawnAt < REDRAW_NANOS) {
            return;
        }
        drawnAt = now;
        clearLine();
        err.print(line(done, failed, (now - started) / 1e9));
        err.flush();
        shown = true;
    }

    /** Prints a line above the progress line. */
    void println(String text) {
        clear();
        err.println(text);
        drawnAt = Long.MIN_VALUE;
    }

    /** Removes the progress line, for the summary. */
    void clear() {
        if (shown) {
            clearLine();
            err.flush();
            shown = false;
        }
    }

    String line(int done, int failed, double seconds) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 && done < total ? ", ETA " + Formats.seconds((long) ((total - done) / rate * 1e9)) : "";
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d, %d failed, %.1f/s%s", name, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, failed, rate, eta);
    }

    /** Back to the start of the line and erase it: the one control sequence snapcache writes itself. */
    private void clearLine() {
        if (err instanceof SafeOutput safe) {
            safe.control("\r\033[K");
        } else {
            err.print("\r\033[K");
        }
    }
}
