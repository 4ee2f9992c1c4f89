package org.snapcache.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.snapcache.pipeline.Snapcache;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.MetaJson;
import org.snapcache.cache.Freshness;
import org.snapcache.cache.RetrySchedule;
import org.snapcache.cache.RunRecord;
import org.snapcache.cache.StatusIndex;
import org.snapcache.cache.StatusReport;
import org.snapcache.cache.StatusRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "Freshness report of every catalogue resource, and of cache entries no longer in the catalogue.",
        footer = {"", "States: fresh, stale (older than max-age), failed (no preview, last attempt failed),",
            "missing (never attempted), orphaned (in the cache, not the catalogue), corrupt (unreadable entry),",
            "invalid (a catalogue entry that cannot be fetched as written).",
            "", "Rows come worst first (invalid, corrupt, failed, stale, missing, orphaned, fresh), oldest preview first within a state.",
            "", "Example (alert when anything failed):", "  snapcache status --fail-on failed",
            "Example (alert only on what the last run found new):", "  snapcache status --fail-on new",
            "Example (what needs attention, for a spreadsheet):", "  snapcache status --only failed,stale --csv > attention.csv",
            "Example (a page to read in a browser or mail):", "  snapcache status --html status.html"})
final class StatusCommand implements Callable<Integer> {

    /** What {@code --fail-on} can ask for. */
    enum FailOn {
        /** anything not fresh: stale, failed, missing, corrupt or invalid. */
        STALE,
        /** failed, corrupt or invalid entries. */
        FAILED,
        /** what the last run found new, and is still so: failures that began in it, entries newly invalid. */
        NEW
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Mixin
    JsonMixin output;

    @Option(names = "--fail-on", paramLabel = "WHAT", converter = FailOnConverter.class, completionCandidates = FailOnNames.class,
            description = {"Exit 1 when an entry is stale (anything not fresh), failed (failed, corrupt or invalid),",
                "or new (a failure that began in the last run, an entry newly invalid since the run before, still so)."})
    FailOn failOn;

    static final class FailOnNames extends ArrayList<String> {
        FailOnNames() {
            super(List.of("stale", "failed", "new"));
        }
    }

    static final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("\"" + value + "\" is not one of stale, failed, new");
            }
        }
    }

    @Option(names = "--only", split = ",", paramLabel = "STATE",
            description = "List only entries in these states (comma-separated): stale, failed, missing, orphaned, corrupt, invalid, fresh.")
    List<String> only;

    @Option(names = "--csv", description = "Print CSV (the fields of --json) instead of a table.")
    boolean csv;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write the report as one self-contained HTML page (summary, charts, failing resources, table) to FILE.")
    Path html;

    /** The order of the report: what needs attention first. */
    private static final List<Freshness> WORST_FIRST = List.of(Freshness.INVALID, Freshness.CORRUPT, Freshness.FAILED, Freshness.STALE,
            Freshness.MISSING, Freshness.ORPHANED, Freshness.FRESH);

    @Override
    public Integer call() throws Exception {
        Set<Freshness> shown = shownStates();
        if ((csv ? 1 : 0) + (output.json ? 1 : 0) + (html != null ? 1 : 0) > 1) {
            throw new UsageException("give one of --json, --csv and --html");
        }
        try (Snapcache snapcache = parent.open()) {
            PrintWriter err = spec.commandLine().getErr();
            snapcache.settings().warnings().forEach(warning -> err.println("warning: " + warning));
            err.flush();
            Instant now = snapcache.environment().clock().instant();
            StatusReport report = StatusReport.of(snapcache.settings().resources(), snapcache.settings().invalid(),
                    StatusIndex.open(snapcache.store(), now), now, snapcache.settings().maxAge());
            PrintWriter out = spec.commandLine().getOut();
            Duration maxAge = snapcache.settings().maxAge();
            List<StatusRow> rows = sorted(report.rows().stream().filter(row -> shown.contains(row.state())).toList());
            if (html != null) {
                try {
                    Files.writeString(html, StatusHtml.page(report, rows, now, snapcache.settings().configFile().toString()));
                } catch (IOException e) {
                    throw new UsageException("--html: cannot write " + html + ": "
                            + (e instanceof NoSuchFileException ? "no such folder" : e.getMessage()));
                }
                Map<Freshness, Integer> counts = report.counts();
                out.println("wrote " + html + ": " + report.rows().size() + " entries: " + Arrays.stream(Freshness.values())
                        .map(state -> counts.getOrDefault(state, 0) + " " + state.label()).collect(Collectors.joining(", ")));
            } else if (output.json) {
                MetaJson.writeArray(out, rows, (json, row) -> json(json, row, maxAge));
            } else if (csv) {
                printCsv(rows, maxAge, out);
            } else {
                printTable(report, rows, now, maxAge, out);
            }
            out.flush();
            if (failOn == FailOn.NEW) {
                List<String> news = RunRecord.read(snapcache.store().dir())
                        .map(record -> record.stillNew(report, snapcache.settings().invalid())).orElse(List.of());
                news.forEach(line -> err.println("new: " + line));
                err.flush();
                return news.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURES;
            }
            return matches(report) ? ExitCodes.FAILURES : ExitCodes.OK;
        }
    }

    private boolean matches(StatusReport report) {
        if (failOn == null) {
            return false;
        }
        return report.rows().stream().map(StatusRow::state).anyMatch(state -> switch (failOn) {
            case FAILED -> state == Freshness.FAILED || state == Freshness.CORRUPT || state == Freshness.INVALID;
            case STALE -> state != Freshness.FRESH && state != Freshness.ORPHANED;
            case NEW -> false;
        });
    }

    private static void json(JsonGenerator json, StatusRow row, Duration maxAge) throws IOException {
        EntryMeta meta = row.meta().orElse(null);
        json.writeStartObject();
        json.writeStringField("id", row.id());
        json.writeStringField("url", row.url());
        json.writeStringField("state", row.state().label());
        json.writeStringField("fetchedAt", meta == null || meta.fetchedAt() == null ? null : meta.fetchedAt().toString());
        number(json, "httpStatus", meta == null ? null : meta.httpStatus());
        json.writeStringField("lastError", row.error().orElse(null));
        json.writeStringField("lastAttemptAt", meta == null || meta.lastAttemptAt() == null ? null : meta.lastAttemptAt().toString());
        number(json, "consecutiveFailures", meta == null ? null : meta.consecutiveFailures());
        json.writeStringField("nextAttemptAt", meta == null ? null
                : RetrySchedule.nextAttempt(meta, maxAge).map(Instant::toString).orElse(null));
        if (meta != null && meta.saveJob() != null) {
            json.writeStringField("saveJob", meta.saveJob());
            json.writeStringField("saveRequestedAt", meta.saveRequestedAt() == null ? null : meta.saveRequestedAt().toString());
        }
        json.writeStringField("captureTimestamp", meta == null ? null : meta.captureTimestamp());
        number(json, "contentLength", meta == null ? null : meta.contentLength());
        json.writeStringField("title", row.title().orElse(null));
        json.writeStringField("stableId", row.stableId().orElse(null));
        json.writeStringField("source", row.source().orElse(null));
        if (row.problem().isPresent()) {
            json.writeStringField("problem", row.problem().get());
        }
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String field, Integer value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }

    private Set<Freshness> shownStates() {
        return states(only);
    }

    /** The states {@code --only} names; all of them when it names none. */
    static Set<Freshness> states(List<String> only) {
        if (only == null || only.isEmpty()) {
            return EnumSet.allOf(Freshness.class);
        }
        Set<Freshness> states = EnumSet.noneOf(Freshness.class);
        for (String name : only) {
            Freshness state = Arrays.stream(Freshness.values()).filter(f -> f.label().equals(name.trim().toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new UsageException("--only: \"" + name + "\" is not a state; use "
                            + WORST_FIRST.stream().map(Freshness::label).collect(Collectors.joining(", "))));
            states.add(state);
        }
        return states;
    }

    /** Worst state first; within a state the oldest preview first, then the catalogue's order. */
    static List<StatusRow> sorted(List<StatusRow> rows) {
        List<StatusRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt((StatusRow row) -> WORST_FIRST.indexOf(row.state()))
                .thenComparing(row -> row.meta().map(EntryMeta::fetchedAt).orElse(Instant.MIN)));
        return sorted;
    }

    /** The summary's second line: how old the previews are, oldest, median and 90th percentile. */
    static String ages(StatusReport report, Instant now) {
        List<Instant> fetched = report.rows().stream().map(row -> row.meta().map(EntryMeta::fetchedAt).orElse(null))
                .filter(Objects::nonNull).sorted(Comparator.reverseOrder()).toList();
        if (fetched.isEmpty()) {
            return "no previews yet";
        }
        return "preview age: oldest " + Formats.age(fetched.get(fetched.size() - 1), now)
                + ", median " + Formats.age(fetched.get((fetched.size() - 1) / 2), now)
                + ", 90th percentile " + Formats.age(fetched.get((int) Math.ceil(0.9 * fetched.size()) - 1), now);
    }

    private static final List<String> CSV_FIELDS = List.of("id", "url", "state", "fetchedAt", "httpStatus", "lastError",
            "lastAttemptAt", "consecutiveFailures", "nextAttemptAt", "captureTimestamp", "contentLength", "title", "stableId",
            "problem", "source");

    private static void printCsv(List<StatusRow> rows, Duration maxAge, PrintWriter out) throws IOException {
        Writer text = new BufferedWriter(out, 1 << 16);
        text.write(String.join(",", CSV_FIELDS) + "\r\n");
        csvLines(rows, maxAge, text);
        text.flush();
    }

    private static void csvLines(List<StatusRow> rows, Duration maxAge, Writer out) throws IOException {
        for (StatusRow row : rows) {
            EntryMeta meta = row.meta().orElse(null);
            List<Object> values = Arrays.asList(row.id(), row.url(), row.state().label(),
                    meta == null ? null : meta.fetchedAt(), meta == null ? null : meta.httpStatus(),
                    row.error().orElse(null), meta == null ? null : meta.lastAttemptAt(),
                    meta == null ? null : meta.consecutiveFailures(),
                    meta == null ? null : RetrySchedule.nextAttempt(meta, maxAge).orElse(null),
                    meta == null ? null : meta.captureTimestamp(), meta == null ? null : meta.contentLength(),
                    row.title().orElse(null), row.stableId().orElse(null), row.problem().orElse(null), row.source().orElse(null));
            out.append(values.stream().map(StatusCommand::csvField).collect(Collectors.joining(","))).append("\r\n");
        }
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; null is empty. */
    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static void printTable(StatusReport report, List<StatusRow> rows, Instant now, Duration maxAge, PrintWriter out)
            throws IOException {
        StringBuilder header = new StringBuilder(128);
        row(header, "ID", "STATE", "HTTP", "FETCHED", "AGE", "SIZE", "NEXT RETRY", "URL", "  LAST ERROR");
        Writer text = new BufferedWriter(out, 1 << 16);
        text.write(header.toString());
        tableLines(rows, now, maxAge, text);
        text.flush();
        Map<Freshness, Integer> counts = report.counts();
        out.println();
        out.println(report.rows().size() + " entries: " + Arrays.stream(Freshness.values())
                .map(state -> counts.getOrDefault(state, 0) + " " + state.label())
                .collect(Collectors.joining(", ")));
        out.println(ages(report, now));
        out.flush();
    }

    private static void tableLines(List<StatusRow> rows, Instant now, Duration maxAge, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (StatusRow row : rows) {
            line.setLength(0);
            EntryMeta meta = row.meta().orElse(null);
            boolean fetched = meta != null && meta.hasPreview();
            String error = row.error().orElse("");
            if (row.state() == Freshness.INVALID) {
                error = row.source().orElse("") + ": " + error;
            }
            row(line,
                    row.id(),
                    row.state().label(),
                    fetched ? String.valueOf(meta.httpStatus()) : "-",
                    fetched ? Formats.day(meta.fetchedAt()) : "-",
                    fetched ? Formats.age(meta.fetchedAt(), now) : "-",
                    !fetched ? "-" : meta.binaryContent() ? Formats.size(meta.byteLength()) : Formats.size(meta.contentLength()),
                    meta == null ? "-" : RetrySchedule.nextAttempt(meta, maxAge)
                            .map(next -> next.isAfter(now) ? Formats.minute(next) : "due").orElse("-"),
                    (row.url().isEmpty() ? "-" : row.url()) + (fetched ? "" : listed(row)),
                    error.isEmpty() ? "" : "  " + error);
            out.append(line);
        }
    }

    /** For an entry without a preview, what the catalogue calls it: {@code  "Title" sid_...}. */
    private static String listed(StatusRow row) {
        String title = row.title().map(t -> " \"" + t + "\"").orElse("");
        String stableId = row.stableId().map(s -> " " + s).orElse("");
        return title.isEmpty() && stableId.isEmpty() ? "" : " " + title + stableId;
    }

    /** The columns ID, STATE, HTTP, FETCHED, AGE, SIZE, NEXT RETRY, then the URL and any error, as one line. */
    private static void row(StringBuilder line, String id, String state, String http, String fetched, String age,
            String size, String nextRetry, String url, String error) {
        padRight(line, id, 16).append("  ");
        padRight(line, state, 8).append("  ");
        padLeft(line, http, 4).append("  ");
        padRight(line, fetched, 10).append("  ");
        padLeft(line, age, 5).append("  ");
        padLeft(line, size, 7).append("  ");
        padRight(line, nextRetry, 16).append("  ");
        line.append(url).append(error).append(System.lineSeparator());
    }

    private static StringBuilder padRight(StringBuilder line, String text, int width) {
        line.append(text);
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
        return line;
    }

    private static StringBuilder padLeft(StringBuilder line, String text, int width) {
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
        return line.append(text);
    }
}
