package org.snapcache.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks every entry of a cache as far as its files allow: meta.json parses and names its folder,
 * preview.txt is valid UTF-8 of the length meta.json gives, and a preview that is the whole text
 * (not truncated) hashes to meta.json's contentHash. Leftovers of an interrupted run are listed too.
 */
public final class CacheVerifier {

    /** One thing wrong, with the entry (or leftover) it is about. */
    public record Problem(String entry, String message) {}

    /** What a check of the whole cache found. */
    public record Report(int entries, List<Problem> problems) {}

    public Report verify(CacheStore store) throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<String> ids = store.ids();
        for (String id : ids) {
            check(store, id).ifPresent(message -> problems.add(new Problem(id, message)));
        }
        for (String leftover : store.leftovers()) {
            problems.add(new Problem(leftover, store.dir().resolve(leftover) + ": left by an interrupted run; the next run removes it"));
        }
        return new Report(ids.size(), problems);
    }

    /** What is wrong with one entry, if anything. */
    static Optional<String> check(CacheStore store, String id) {
        CachedEntry entry;
        try {
            Optional<CachedEntry> read = store.read(id);
            if (read.isEmpty()) {
                return Optional.of(store.entryDir(id) + ": no meta.json; " + contents(store.entryDir(id)));
            }
            entry = read.get();
        } catch (CorruptEntryException e) {
            return Optional.of(e.getMessage());
        }
        EntryMeta meta = entry.meta();
        try {
            store.readText(meta);
            store.readPage(meta);
        } catch (CorruptEntryException e) {
            return Optional.of(e.getMessage());
        }
        if (entry.preview().isEmpty()) {
            return Optional.empty();
        }
        String preview = entry.preview().get();
        String where = store.entryDir(id).resolve(CacheStore.META) + ": ";
        boolean longer = meta.contentLength() > meta.previewLength();
        if (meta.truncated() != null && meta.truncated() != longer) {
            return Optional.of(where + "truncated is " + meta.truncated() + " but contentLength " + meta.contentLength()
                    + " and previewLength " + meta.previewLength() + " say otherwise");
        }
        if (!longer) {
            if (!CacheStore.hash(preview).equals(meta.contentHash())) {
                return Optional.of(store.entryDir(id).resolve(CacheStore.PREVIEW) + ": does not hash to the contentHash in meta.json"
                        + " (the preview is the whole text, so the two must agree)");
            }
        }
        return Optional.empty();
    }

    /** What a folder without meta.json holds, in a few words. */
    private static String contents(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(file -> file.getFileName().toString()).sorted().toList();
            return names.isEmpty() ? "an empty folder"
                    : "a folder of " + names.size() + (names.size() == 1 ? " other file: " : " other files: ")
                            + String.join(", ", names.subList(0, Math.min(names.size(), 5))) + (names.size() > 5 ? ", ..." : "");
        } catch (IOException e) {
            return "a folder that cannot be listed: " + e.getMessage();
        }
    }
}
