package org.snapcache.cache;

import static org.snapcache.config.DerivedData.readText;
import static org.snapcache.config.DerivedData.writeText;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.snapcache.config.DerivedData;
import org.snapcache.config.FileStamp;

/**
 * Reads entries' meta.json for a report over the whole cache at the cost of two {@code lstat}
 * calls each instead of opening and parsing every file. The file {@code .status-index} in the
 * cache folder keeps, for each entry read before, the meta.json it held and the inode, size and
 * modification time of its meta.json and preview.txt; an entry is taken from the index only
 * while both are exactly as recorded, so a run, a crash, a restore or an edit by hand makes it
 * be read from its files again. As git does with its index, an entry changed less than
 * {@link FileStamp#SETTLE} before it was recorded is not recorded (a change within the same clock tick
 * would not show). The index is derived data: delete it at any time; an unreadable one is ignored
 * and rewritten.
 */
public final class StatusIndex {

    public static final String FILE = ".status-index";

    private static final String MAGIC = "snapcache status index";
    private static final int VERSION = 2;

    private final CacheStore store;
    private final Path file;
    private final Instant startedAt = Instant.now();
    private final CompletableFuture<Map<String, Record>> recorded;
    private final CompletableFuture<Scan> scan;
    /** Entries read from their files since {@link #open}, to be recorded. */
    private final Map<String, Record> read = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private StatusIndex(CacheStore store) {
        this.store = store;
        this.file = store.dir().resolve(FILE);
        this.recorded = CompletableFuture.supplyAsync(() -> load(file), StatusIndex::daemon);
        this.scan = CompletableFuture.supplyAsync(() -> scan(store), StatusIndex::daemon);
    }

    /**
     * Opens the cache's index and starts looking at the cache: the index is loaded, the entry
     * folders listed and their files' stamps taken on threads of their own, so that a caller can
     * read the catalogue meanwhile. A missing or unreadable index counts as empty.
     */
    public static StatusIndex open(CacheStore store) {
        return new StatusIndex(store);
    }

    public CacheStore store() {
        return store;
    }

    /** The cache's entry names, as {@link CacheStore#entryNames} lists them. */
    public List<String> entryNames() throws IOException {
        try {
            return scan.join().names();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : new IOException(e.getCause());
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "status-index");
        thread.setDaemon(true);
        thread.start();
    }

    /** The listed entry names and the stamps of each, {@link #NOT_PLAIN} for an entry that must be read from its files. */
    private record Scan(List<String> names, Map<String, long[]> stamps) {}

    private static final long[] NOT_PLAIN = new long[0];
    /** Threads taking stamps: {@code lstat} waits on the kernel as much as on a core. */
    private static final int STATTERS = 4;

    private static Scan scan(CacheStore store) {
        List<String> names;
        try {
            names = store.entryNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, long[]> stamps = new ConcurrentHashMap<>(names.size() * 4 / 3 + 1);
        ForkJoinPool pool = new ForkJoinPool(STATTERS);
        try {
            pool.submit(() -> names.parallelStream().forEach(name -> {
                long[] stamp = stamps(store.dir().resolve(name));
                stamps.put(name, stamp == null ? NOT_PLAIN : stamp);
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the stamps taken so far stand; the others are taken when asked for
        } finally {
            pool.shutdown();
        }
        return new Scan(names, stamps);
    }

    /**
     * What {@link CacheStore#readMeta} would return for this entry; safe to call from several
     * threads at once.
     */
    public Optional<EntryMeta> readMeta(String id) throws CorruptEntryException {
        long[] stamps = scan.isCompletedExceptionally() ? null : scan.join().stamps().get(id);
        if (stamps == null) {
            stamps = stamps(store.entryDir(id));
        } else if (stamps == NOT_PLAIN) {
            stamps = null;
        }
        Record known = recorded.join().get(id);
        if (stamps != null && known != null && Arrays.equals(known.stamps, stamps)) {
            known.used = true;
            return Optional.of(known.meta);
        }
        Optional<EntryMeta> meta = store.readMeta(id);
        if (known != null) {
            changed = true;
        }
        if (stamps != null && meta.isPresent() && settled(stamps)) {
            read.put(id, new Record(stamps, meta.get()));
            changed = true;
        }
        return meta;
    }

    /**
     * Rewrites the index with the entries read since {@link #open} when any of them was read from
     * its files; the report stands without it, so a cache that cannot be written is left alone.
     */
    public void save() {
        Map<String, Record> known = recorded.join();
        if (!changed && known.values().stream().allMatch(record -> record.used)) {
            return;
        }
        Map<String, Record> kept = new HashMap<>(read);
        known.forEach((id, record) -> {
            if (record.used) {
                kept.putIfAbsent(id, record);
            }
        });
        DerivedData.replaceQuietly(file, out -> write(out, kept));
    }

    /** How many entries came from the index rather than their files; for tests. */
    int fromIndex() {
        return (int) recorded.join().values().stream().filter(record -> record.used).count();
    }

    private boolean settled(long[] stamps) {
        for (int i = 0; i < stamps.length; i += STAMP) {
            if (stamps[i + 1] != ABSENT && !FileStamp.settled(stamps[i + 2], startedAt)) {
                return false;
            }
        }
        return true;
    }

    /** Per file: its file key (inode) hash, size and modification time in nanoseconds; a missing file is {@link #ABSENT}. */
    private static final int STAMP = 3;
    private static final int STAMPS = 2 * STAMP;
    private static final long ABSENT = -1;

    /**
     * The stamps of an entry's meta.json and preview.txt, or null when meta.json is not a plain
     * file or preview.txt is neither absent nor a plain file: such an entry is always read from
     * its files, which say what is wrong with it.
     */
    private static long[] stamps(Path folder) {
        long[] stamps = new long[STAMPS];
        try {
            if (!stamp(folder.resolve(META), stamps, 0)) {
                return null;
            }
            try {
                if (!stamp(folder.resolve(PREVIEW), stamps, STAMP)) {
                    return null;
                }
            } catch (NoSuchFileException e) {
                Arrays.fill(stamps, STAMP, STAMPS, ABSENT);
            }
            return stamps;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static final Path META = Path.of(CacheStore.META);
    private static final Path PREVIEW = Path.of(CacheStore.PREVIEW);
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private static boolean stamp(Path path, long[] stamps, int at) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        if (!attributes.isRegularFile()) {
            return false;
        }
        stamps[at] = Objects.hashCode(attributes.fileKey());
        stamps[at + 1] = attributes.size();
        stamps[at + 2] = FileStamp.nanos(attributes.lastModifiedTime().toInstant());
        return true;
    }

    /**
     * An entry's stamps and meta.json, and whether this report took the entry from it: the index
     * is rewritten without the entries no report asked for.
     */
    private static final class Record {

        final long[] stamps;
        final EntryMeta meta;
        volatile boolean used;

        Record(long[] stamps, EntryMeta meta) {
            this.stamps = stamps;
            this.meta = meta;
        }

        void writeTo(DataOutputStream out, ByteArrayOutputStream scratch) throws IOException {
            scratch.reset();
            writeMeta(new DataOutputStream(scratch), meta);
            out.writeInt(scratch.size());
            scratch.writeTo(out);
        }
    }

    // ---- the file: a header, then per entry its id, stamps and meta.json fields, then the count again ----

    private static Map<String, Record> load(Path file) {
        try {
            ByteBuffer in = DerivedData.read(file);
            if (!MAGIC.equals(readText(in)) || in.getInt() != VERSION) {
                return Map.of();
            }
            int count = in.getInt();
            Map<String, Record> records = new HashMap<>(Math.min(Math.max(count, 0), 1 << 20) * 4 / 3 + 1);
            Common common = new Common();
            for (int i = 0; i < count; i++) {
                String id = readText(in);
                long[] stamps = new long[STAMPS];
                for (int s = 0; s < stamps.length; s++) {
                    stamps[s] = in.getLong();
                }
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    return Map.of();
                }
                // decoded here, on the loading thread, while the catalogue loads
                int end = in.position() + length;
                try {
                    EntryMeta meta = readMeta(in, id, common);
                    if (in.position() == end) {
                        records.put(id, new Record(stamps, meta));
                    }
                } catch (RuntimeException damaged) {
                    // this entry's bytes do not decode (nor do ones that run past their length):
                    // it is read from its files
                }
                in.position(end);
            }
            return in.getInt() == count && !in.hasRemaining() ? records : Map.of();
        } catch (IOException | RuntimeException e) {
            // missing, torn by a crash, or from another version: read every entry from its files
            return Map.of();
        }
    }

    private static void write(DataOutputStream out, Map<String, Record> records) throws IOException {
        writeText(out, MAGIC);
        out.writeInt(VERSION);
        out.writeInt(records.size());
        ByteArrayOutputStream scratch = new ByteArrayOutputStream(1024);
        for (Map.Entry<String, Record> entry : records.entrySet()) {
            writeText(out, entry.getKey());
            for (long stamp : entry.getValue().stamps) {
                out.writeLong(stamp);
            }
            entry.getValue().writeTo(out, scratch);
        }
        out.writeInt(records.size());
        out.flush();
    }

    private static void writeMeta(DataOutputStream out, EntryMeta m) throws IOException {
        out.writeInt(m.schemaVersion());
        for (String text : new String[] {m.id(), m.url(), m.stableId(), m.title(), m.archiveUrl(), m.captureTimestamp(),
            m.requestedTimestamp(), m.captureNote(), m.source()}) {
            writeText(out, text);
        }
        writeInstant(out, m.fetchedAt());
        writeInstant(out, m.changedAt());
        writeNumber(out, m.httpStatus());
        writeText(out, m.contentType());
        writeText(out, m.charset());
        writeNumber(out, m.byteLength());
        writeNumber(out, m.contentLength());
        writeNumber(out, m.previewLength());
        out.writeByte(m.truncated() == null ? 2 : m.truncated() ? 1 : 0);
        writeText(out, m.contentHash());
        writeText(out, m.textWarning());
        writeInstant(out, m.lastAttemptAt());
        writeText(out, m.lastError());
        out.writeInt(m.consecutiveFailures());
    }

    /**
     * One entry's meta.json, as {@link #writeMeta} wrote it. The report holds every entry at
     * once, so text that repeats is held once, and not even decoded: the id as the index's key
     * gives it, a requested timestamp that is the capture's, and the few values of source,
     * content type and charset ({@code common}).
     */
    private static EntryMeta readMeta(ByteBuffer in, String key, Common common) {
        int schemaVersion = in.getInt();
        String id = DerivedData.skipText(in, key) ? key : readText(in);
        String url = readText(in);
        String stableId = readText(in);
        String title = readText(in);
        String archiveUrl = readText(in);
        String captureTimestamp = readText(in);
        String requestedTimestamp = captureTimestamp != null && DerivedData.skipText(in, captureTimestamp) ? captureTimestamp
                : readText(in);
        String captureNote = readText(in);
        String source = common.read(in);
        Instant fetchedAt = readInstant(in);
        Instant changedAt = readInstant(in);
        Integer httpStatus = readInteger(in);
        String contentType = common.read(in);
        String charset = common.read(in);
        Long byteLength = readNumber(in);
        Integer contentLength = readInteger(in);
        Integer previewLength = readInteger(in);
        byte truncated = in.get();
        String contentHash = readText(in);
        String textWarning = readText(in);
        Instant lastAttemptAt = readInstant(in);
        String lastError = readText(in);
        int consecutiveFailures = in.getInt();
        return new EntryMeta(schemaVersion, id, url, stableId, title, archiveUrl, captureTimestamp, requestedTimestamp,
                captureNote, source, fetchedAt, changedAt, httpStatus, contentType, charset, byteLength, contentLength,
                previewLength, truncated == 2 ? null : truncated == 1, contentHash, textWarning, lastAttemptAt, lastError,
                consecutiveFailures);
    }

    /**
     * The values of source, content type and charset met so far, each held once. The first few
     * are matched against the file's bytes, so that an entry that repeats one decodes no text.
     */
    private static final class Common {

        /** Values matched by their bytes: enough for the sources, content types and charsets of most caches. */
        private static final int MATCHED = 16;
        /** Values held once beyond those: enough for every source, content type and charset there is. */
        private static final int HELD = 1000;

        private final List<String> matched = new ArrayList<>();
        private final Map<String, String> held = new HashMap<>();

        String read(ByteBuffer in) {
            for (String known : matched) {
                if (DerivedData.skipText(in, known)) {
                    return known;
                }
            }
            String text = readText(in);
            if (text == null) {
                return null;
            }
            if (matched.size() < MATCHED) {
                matched.add(text);
                return text;
            }
            String known = held.get(text);
            if (known != null) {
                return known;
            }
            if (held.size() < HELD) {
                held.put(text, text);
            }
            return text;
        }
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(ByteBuffer in) {
        return in.get() != 0 ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
    }

    private static void writeNumber(DataOutputStream out, Number number) throws IOException {
        out.writeBoolean(number != null);
        if (number != null) {
            out.writeLong(number.longValue());
        }
    }

    private static Long readNumber(ByteBuffer in) {
        return in.get() != 0 ? in.getLong() : null;
    }

    private static Integer readInteger(ByteBuffer in) {
        return in.get() != 0 ? Math.toIntExact(in.getLong()) : null;
    }
}
