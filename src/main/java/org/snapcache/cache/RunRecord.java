package org.snapcache.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.snapcache.config.InvalidEntry;

/**
 * What the last {@code run} found that the nights before had not: resources whose failure began
 * in it, and catalogue entries newly invalid. Kept as {@code .last-run.json} in the cache folder,
 * so that a monitor can alert on what changed ({@code status --fail-on new}) rather than on every
 * long-known failure, every night.
 *
 * @param invalid the keys ({@link org.snapcache.config.InvalidEntry#key}) of every entry invalid in that run
 * @param putOff how many runs in a row, that one the last, left each resource for the next, by id
 */
public record RunRecord(Instant finishedAt, List<NewFailure> newFailures, List<String> invalid, List<String> newlyInvalid,
        Map<String, Integer> putOff) {

    public static final String FILE = ".last-run.json";

    /** Runs in a row that may leave a resource for the next before that is its recorded failure. */
    public static final int MAX_PUT_OFF = 3;

    /** Files larger than this are not a record snapcache wrote. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    /** A resource that failed in that run after a success, or at its first attempt. */
    public record NewFailure(String id, String url, String error) {}

    public RunRecord {
        Objects.requireNonNull(finishedAt, "finishedAt");
        newFailures = List.copyOf(newFailures);
        invalid = List.copyOf(invalid);
        newlyInvalid = List.copyOf(newlyInvalid);
        putOff = putOff == null ? Map.of() : Map.copyOf(putOff); // absent from a record of an older snapcache
    }

    /**
     * What this run found new and is still so, one line each: a resource whose failure began in
     * the run and that has not succeeded since, an entry that became invalid and still is.
     */
    public List<String> stillNew(StatusReport report, List<InvalidEntry> invalidNow) {
        Map<String, StatusRow> byId = new HashMap<>();
        for (StatusRow row : report.rows()) {
            if (row.state() != Freshness.INVALID) {
                byId.putIfAbsent(row.id(), row);
            }
        }
        Set<String> invalid = new HashSet<>();
        invalidNow.forEach(entry -> invalid.add(entry.describe()));
        List<String> news = new ArrayList<>();
        for (NewFailure failure : newFailures) {
            StatusRow row = byId.get(failure.id());
            if (row != null && row.state() != Freshness.ORPHANED && row.meta().map(EntryMeta::lastError).isPresent()) {
                news.add("failure " + failure.id() + " " + failure.url() + ": " + row.meta().get().lastError());
            }
        }
        for (String entry : newlyInvalid) {
            if (invalid.contains(entry)) {
                news.add("invalid " + entry);
            }
        }
        return news;
    }

    /** The record of the last run, if there is a readable one. */
    public static Optional<RunRecord> read(Path cacheDir) {
        Path file = cacheDir.resolve(FILE);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(MetaJson.mapper().readValue(file.toFile(), RunRecord.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // none yet, or not one snapcache wrote: as if there were none
        }
    }

    /** Replaces the record atomically. */
    public void write(Path cacheDir) throws IOException {
        AtomicFiles.write(cacheDir.resolve(FILE), MetaJson.write(this).getBytes(StandardCharsets.UTF_8));
    }
}
