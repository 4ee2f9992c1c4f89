package org.snapcache.cache;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.snapcache.config.ResourceId;

/**
 * The cache folder: one sub-folder per resource id holding {@code meta.json} and, after a
 * success, {@code preview.txt}. A success replaces the whole folder at once; a failure rewrites
 * meta.json alone, atomically. Reads never follow a symbolic link out of the cache.
 */
public final class CacheStore {

    public static final String META = "meta.json";
    public static final String PREVIEW = "preview.txt";
    public static final String TEXT = "text.txt";
    public static final String PAGE = "page.txt";
    /** An entry moved aside while its replacement takes its place. */
    static final String ASIDE_PREFIX = ".aside-";

    private final Path dir;

    public CacheStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path entryDir(String id) {
        if (!ResourceId.isValid(id)) {
            throw new IllegalArgumentException("not a valid resource id: " + id);
        }
        return dir.resolve(id);
    }

    /** More than any meta.json snapcache writes, some 1 KB: its titles and errors are one line each. */
    static final long MAX_META_BYTES = 1 << 20;

    /** Reads an entry; empty when there is none. */
    public Optional<CachedEntry> read(String id) throws CorruptEntryException {
        Path folder = entryDir(id);
        Path metaFile = folder.resolve(META);
        for (Path path : new Path[] {folder, metaFile, folder.resolve(PREVIEW)}) {
            if (Files.isSymbolicLink(path)) {
                throw new CorruptEntryException(path, "is a symbolic link; entries are read only from real files inside the cache");
            }
        }
        byte[] json;
        try {
            json = readBounded(metaFile, MAX_META_BYTES, "any meta.json");
        } catch (NoSuchFileException e) {
            if (Files.exists(folder.resolve(PREVIEW), LinkOption.NOFOLLOW_LINKS)) {
                throw new CorruptEntryException(metaFile, "missing beside preview.txt");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new CorruptEntryException(metaFile, "unreadable: " + e.getMessage());
        }
        EntryMeta meta = parse(metaFile, json);
        if (!meta.id().equals(id)) {
            throw new CorruptEntryException(metaFile, "id is " + meta.id() + " but the folder is " + id);
        }
        if (!meta.hasPreview()) {
            return Optional.of(new CachedEntry(meta, Optional.empty()));
        }
        Path previewFile = folder.resolve(PREVIEW);
        String preview = readPreview(previewFile, 4L * meta.previewLength());
        int length = preview.codePointCount(0, preview.length());
        if (meta.previewLength() == null || meta.previewLength() != length) {
            throw new CorruptEntryException(previewFile, "holds " + length + " characters but meta.json says "
                    + meta.previewLength());
        }
        return Optional.of(new CachedEntry(meta, Optional.of(preview)));
    }

    /**
     * An entry's meta.json, checked as {@link #read} checks it, with its preview.txt checked by
     * size alone (UTF-8 takes 1 to 4 bytes a character): what a report over the whole cache
     * needs, at one file read per entry.
     */
    public Optional<EntryMeta> readMeta(String id) throws CorruptEntryException {
        Path folder = entryDir(id);
        Path metaFile = folder.resolve(META);
        Path previewFile = folder.resolve(PREVIEW);
        Optional<BasicFileAttributes> folderAttributes = attributes(folder);
        if (folderAttributes.isEmpty()) {
            return Optional.empty();
        }
        if (folderAttributes.get().isSymbolicLink()) {
            throw new CorruptEntryException(folder, "is a symbolic link; entries are read only from real files inside the cache");
        }
        byte[] json;
        try {
            json = readBounded(metaFile, MAX_META_BYTES, "any meta.json");
        } catch (NoSuchFileException e) {
            if (attributes(previewFile).isPresent()) {
                throw new CorruptEntryException(metaFile, "missing beside preview.txt");
            }
            return Optional.empty();
        } catch (IOException e) {
            if (Files.isSymbolicLink(metaFile)) {
                throw new CorruptEntryException(metaFile, "is a symbolic link; entries are read only from real files inside the cache");
            }
            throw new CorruptEntryException(metaFile, "unreadable: " + e.getMessage());
        }
        EntryMeta meta = parse(metaFile, json);
        if (!meta.id().equals(id)) {
            throw new CorruptEntryException(metaFile, "id is " + meta.id() + " but the folder is " + id);
        }
        if (meta.hasPreview()) {
            BasicFileAttributes preview = attributes(previewFile).orElseThrow(() ->
                    new CorruptEntryException(previewFile, "missing, but meta.json records a successful fetch"));
            if (preview.isSymbolicLink()) {
                throw new CorruptEntryException(previewFile, "is a symbolic link; entries are read only from real files inside the cache");
            }
            if (preview.size() < meta.previewLength() || preview.size() > 4L * meta.previewLength()) {
                throw new CorruptEntryException(previewFile, "holds " + preview.size() + " bytes, which cannot be the "
                        + meta.previewLength() + " characters meta.json says");
            }
        }
        return Optional.of(meta);
    }

    private static Optional<BasicFileAttributes> attributes(Path path) throws CorruptEntryException {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CorruptEntryException(path, "unreadable: " + e.getMessage());
        }
    }

    /**
     * A cache file's bytes, never through a link, and refused unread when it holds more than
     * {@code max}: a file that size is not one snapcache wrote, and reading it whole could take
     * all memory.
     */
    static byte[] readBounded(Path file, long max, String what) throws IOException, CorruptEntryException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > max) {
                throw new CorruptEntryException(file, String.format(java.util.Locale.ROOT, "holds %,d bytes, more than %s can",
                        size, what));
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size + 1);
            while (channel.read(buffer) > 0 && !buffer.hasRemaining()) {
                if (buffer.capacity() > max) {
                    throw new CorruptEntryException(file, "grew past " + max + " bytes while it was read");
                }
                buffer = ByteBuffer.allocate(buffer.capacity() * 2).put(buffer.flip());
            }
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    /** The names of the cache's entry folders, as listed (not checked to be folders, not sorted). */
    public List<String> entryNames() throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        // File.list gives the names alone, where a directory stream makes two paths of each
        String[] listed = dir.toFile().list();
        if (listed == null) {
            // File.list does not say why it failed; the directory stream does, or lists after all
            List<String> all = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    all.add(entry.getFileName().toString());
                }
            }
            listed = all.toArray(String[]::new);
        }
        for (String name : listed) {
            if (!name.startsWith(".") && ResourceId.isValid(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static EntryMeta parse(Path metaFile, byte[] json) throws CorruptEntryException {
        EntryMeta meta;
        try {
            meta = MetaJson.mapper().readValue(json, EntryMeta.class);
        } catch (JacksonException e) {
            throw new CorruptEntryException(metaFile, "not valid meta.json: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException | RuntimeException e) {
            throw new CorruptEntryException(metaFile, "not valid meta.json: " + e.getMessage());
        }
        if (meta == null) {
            throw new CorruptEntryException(metaFile, "empty");
        }
        if (meta.schemaVersion() != EntryMeta.SCHEMA_VERSION) {
            throw new CorruptEntryException(metaFile, "schemaVersion " + meta.schemaVersion() + " is not "
                    + EntryMeta.SCHEMA_VERSION);
        }
        if (meta.hasPreview() && (meta.httpStatus() == null || meta.contentLength() == null || meta.previewLength() == null
                || meta.contentHash() == null)) {
            throw new CorruptEntryException(metaFile, "records a fetch but lacks httpStatus, contentLength, previewLength"
                    + " or contentHash");
        }
        return meta;
    }

    /**
     * The whole text kept in an entry's text.txt, checked against meta.json: as long as its
     * {@code textLength}, and hashing to {@code contentHash} when it is the whole text. Empty when
     * the entry keeps none (an older snapcache, {@code full-text: false}, a failure, a binary).
     */
    public Optional<String> readText(EntryMeta meta) throws CorruptEntryException {
        Optional<String> text = readKept(meta, TEXT, meta.textLength());
        if (text.isPresent() && meta.textLength().equals(meta.contentLength()) && !meta.contentHash().equals(hash(text.get()))) {
            throw new CorruptEntryException(entryDir(meta.id()).resolve(TEXT), "does not hash to the contentHash in meta.json");
        }
        return text;
    }

    /**
     * The whole page's text kept in an entry's page.txt, as long as meta.json's
     * {@code pageTextLength}; empty when the entry keeps none (not HTML, or no more than its main text).
     */
    public Optional<String> readPage(EntryMeta meta) throws CorruptEntryException {
        return readKept(meta, PAGE, meta.pageTextLength());
    }

    /** A text file of the entry, of the characters meta.json records for it; empty when it records none. */
    private Optional<String> readKept(EntryMeta meta, String name, Integer characters) throws CorruptEntryException {
        if (characters == null) {
            return Optional.empty();
        }
        Path file = entryDir(meta.id()).resolve(name);
        String text = readPreview(file, 4L * characters);
        int length = text.codePointCount(0, text.length());
        if (length != characters) {
            throw new CorruptEntryException(file, "holds " + length + " characters but meta.json says " + characters);
        }
        return Optional.of(text);
    }

    /** The {@code contentHash} of a text: {@code sha256:} and the hex of its UTF-8 bytes' SHA-256. */
    public static String hash(String text) {
        return "sha256:" + HexFormat.of().formatHex(ResourceId.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String readPreview(Path previewFile, long maxBytes) throws CorruptEntryException {
        try {
            byte[] bytes = readBounded(previewFile, maxBytes, "the characters meta.json records");
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new CorruptEntryException(previewFile, "missing, but meta.json records a successful fetch");
        } catch (CharacterCodingException e) {
            throw new CorruptEntryException(previewFile, "not valid UTF-8");
        } catch (IOException e) {
            throw new CorruptEntryException(previewFile, "unreadable: " + e.getMessage());
        }
    }

    /**
     * Stores a successful fetch so that a crash at any moment leaves the entry as it was or wholly
     * new: both files are written into a staging folder beside the entry, which then takes the
     * entry's place by two renames (old entry aside, staging in). If a crash falls between the
     * two, {@link #recover} puts the old entry back.
     */
    public void writeSuccess(EntryMeta meta, String preview) throws IOException {
        writeSuccess(meta, preview, Optional.empty(), Optional.empty());
    }

    /**
     * Stores a successful fetch as {@link #writeSuccess(EntryMeta, String)} does, with the whole
     * text in text.txt and the whole page's text in page.txt when given.
     */
    public void writeSuccess(EntryMeta meta, String preview, Optional<String> text, Optional<String> page) throws IOException {
        Path folder = entryDir(meta.id());
        refuseLinks(folder);
        Files.createDirectories(dir);
        Path staging = dir.resolve(AtomicFiles.TEMP_PREFIX + meta.id() + "-" + AtomicFiles.randomSuffix());
        Files.createDirectory(staging);
        try {
            AtomicFiles.writeNew(staging.resolve(PREVIEW), preview.getBytes(StandardCharsets.UTF_8));
            if (text.isPresent()) {
                AtomicFiles.writeNew(staging.resolve(TEXT), text.get().getBytes(StandardCharsets.UTF_8));
            }
            if (page.isPresent()) {
                AtomicFiles.writeNew(staging.resolve(PAGE), page.get().getBytes(StandardCharsets.UTF_8));
            }
            AtomicFiles.writeNew(staging.resolve(META), MetaJson.write(meta).getBytes(StandardCharsets.UTF_8));
            AtomicFiles.syncFolder(staging);
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Path aside = dir.resolve(ASIDE_PREFIX + meta.id() + "-" + AtomicFiles.randomSuffix());
                Files.move(folder, aside, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(aside);
            }
            AtomicFiles.syncFolder(dir);
        } finally {
            if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(staging);
            }
        }
    }

    /** Stores meta.json alone, as after a failed attempt; the preview is not touched. */
    public void writeMeta(EntryMeta meta) throws IOException {
        Path folder = entryDir(meta.id());
        refuseLinks(folder);
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(META), MetaJson.write(meta).getBytes(StandardCharsets.UTF_8));
    }

    private static void refuseLinks(Path folder) throws IOException {
        if (Files.isSymbolicLink(folder)) {
            throw new IOException("refusing to write through symbolic link " + folder);
        }
        for (String name : new String[] {META, PREVIEW, TEXT, PAGE}) {
            if (Files.isSymbolicLink(folder.resolve(name))) {
                throw new IOException("refusing to write through symbolic link " + folder.resolve(name));
            }
        }
    }

    /** The ids of every entry folder, sorted; hidden files and names that are not ids are skipped. */
    public List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String name : entryNames()) {
            if (Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                ids.add(name);
            }
        }
        ids.sort(null);
        return ids;
    }

    /**
     * Removes an entry; call only while holding the lock. The folder is first renamed to a
     * temporary name, so that a crash halfway leaves a leftover {@link #recover} deletes, never a
     * half-deleted entry.
     */
    public void remove(String id) throws IOException {
        Path folder = entryDir(id);
        Path doomed = dir.resolve(AtomicFiles.TEMP_PREFIX + "removed-" + id + "-" + AtomicFiles.randomSuffix());
        Files.move(folder, doomed, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(doomed);
    }

    /** Files and folders an interrupted writer left in the cache folder, which the next run removes. */
    public List<String> leftovers() throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".{tmp,aside}-*")) {
                entries.forEach(entry -> names.add(entry.getFileName().toString()));
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * Repairs what an interrupted writer left behind; call only while holding the lock. An entry
     * set aside whose replacement never arrived is put back; staging folders, entries set aside
     * and temporary files are deleted.
     *
     * @return how many leftovers were repaired or removed
     */
    public int recover() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int repaired = 0;
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".{tmp,aside}-*")) {
            entries.forEach(leftovers::add);
        }
        leftovers.sort(null);
        for (Path leftover : leftovers) {
            String name = leftover.getFileName().toString();
            if (name.startsWith(ASIDE_PREFIX)) {
                String id = name.substring(ASIDE_PREFIX.length(), name.lastIndexOf('-'));
                if (ResourceId.isValid(id) && !Files.exists(dir.resolve(id), LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(leftover, dir.resolve(id), StandardCopyOption.ATOMIC_MOVE);
                    repaired++;
                    continue;
                }
            }
            deleteTree(leftover);
            repaired++;
        }
        for (String id : ids()) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve(id), AtomicFiles.TEMP_PREFIX + "*")) {
                for (Path file : files) {
                    // writers leave files; a folder of that name is someone else's, and not in the way
                    if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(file);
                        repaired++;
                    }
                }
            }
        }
        return repaired;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.isSymbolicLink(root) || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
