package org.snapcache.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code status} last read of each entry, so that an unchanged entry costs two
 * {@code lstat} calls instead of a read and a parse of its meta.json. The file
 * {@code .status-index} in the cache folder holds a JSON line per entry: its id, the stamps
 * (size, modification time, inode) of its meta.json and preview.txt, and its meta.json. An entry
 * is taken from it only while both stamps are exactly as recorded, so a run, a restore or an edit
 * by hand is always seen; as git does with its index, a file changed less than {@link #SETTLE}
 * before the report is not recorded, since a second change within the same clock tick would not
 * show. Derived data: delete it at any time; an unreadable one counts as empty and is rewritten.
 */
public final class StatusIndex {

    public static final String FILE = ".status-index";

    static final Duration SETTLE = Duration.ofSeconds(2);

    /** Files larger than this are not an index snapcache wrote for any cache it can hold. */
    private static final long MAX_BYTES = 1L << 30;

    /** A file as {@code lstat} sees it; two equal stamps mean the file was not rewritten. */
    record Stamp(long size, long modified, String inode) {

        /** The file's stamp, or null when there is no such file. */
        static Stamp of(Path file) throws IOException {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return new Stamp(attributes.size(), attributes.lastModifiedTime().toInstant().toEpochMilli(),
                        String.valueOf(attributes.fileKey()));
            } catch (NoSuchFileException e) {
                return null;
            }
        }
    }

    /** One entry as recorded. */
    record Line(String id, Stamp meta, Stamp preview, EntryMeta entry) {}

    private final CacheStore store;
    private final Instant settledBefore;
    private final Map<String, Line> recorded;
    private final Map<String, Line> seen = new ConcurrentHashMap<>();
    private final AtomicInteger fromIndex = new AtomicInteger();

    private StatusIndex(CacheStore store, Instant now, Map<String, Line> recorded) {
        this.store = store;
        this.settledBefore = now.minus(SETTLE);
        this.recorded = recorded;
    }

    /**
     * The cache's index as last saved; a missing or unreadable one counts as empty.
     *
     * @param now the time of the report, from the command's clock
     */
    public static StatusIndex open(CacheStore store, Instant now) {
        Map<String, Line> recorded = new HashMap<>();
        Path file = store.dir().resolve(FILE);
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) <= MAX_BYTES) {
                try (MappingIterator<Line> lines = CODEC.readerFor(Line.class).readValues(file.toFile())) {
                    while (lines.hasNextValue()) {
                        Line line = lines.nextValue();
                        recorded.put(line.id(), line);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            recorded.clear(); // torn, or from another version: read every entry from its files
        }
        return new StatusIndex(store, now, recorded);
    }

    /** meta.json's mapper, with instants as numbers: they read faster than ISO-8601 text. */
    private static final ObjectMapper CODEC = MetaJson.mapper().copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public CacheStore store() {
        return store;
    }

    /**
     * What {@link CacheStore#readMeta} would return for this entry; safe to call from several
     * threads at once.
     */
    public Optional<EntryMeta> readMeta(String id) throws CorruptEntryException {
        Path folder = store.entryDir(id);
        Stamp meta;
        Stamp preview;
        try {
            meta = Stamp.of(folder.resolve(CacheStore.META));
            preview = Stamp.of(folder.resolve(CacheStore.PREVIEW));
        } catch (IOException e) {
            return store.readMeta(id); // which says what is wrong with the entry
        }
        Line known = recorded.get(id);
        if (meta != null && known != null && meta.equals(known.meta()) && Objects.equals(preview, known.preview())) {
            seen.put(id, known);
            fromIndex.incrementAndGet();
            return Optional.of(known.entry());
        }
        Optional<EntryMeta> entry = store.readMeta(id);
        if (entry.isPresent() && settled(meta) && (preview == null || settled(preview))) {
            seen.put(id, new Line(id, meta, preview, entry.get()));
        }
        return entry;
    }

    /** How many entries came from the index rather than from their files. */
    public int fromIndex() {
        return fromIndex.get();
    }

    private boolean settled(Stamp stamp) {
        return stamp != null && Instant.ofEpochMilli(stamp.modified()).isBefore(settledBefore);
    }

    /**
     * Records the entries read since {@link #open}, when they differ from what was recorded;
     * never fails, since the index only saves time.
     */
    public void save() {
        if (seen.equals(recorded)) {
            return;
        }
        ObjectWriter json = CODEC.writerFor(Line.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try {
            AtomicFiles.write(store.dir().resolve(FILE), out -> {
                for (Line line : seen.values()) {
                    json.writeValue(out, line);
                    out.write('\n');
                }
            });
        } catch (IOException | RuntimeException e) {
            // a cache folder that cannot be written to is reported by the commands that write it
        }
    }
}
