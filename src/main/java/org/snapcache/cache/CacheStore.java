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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snapcache.config.ResourceId;

/**
 * The cache folder: one sub-folder per resource id holding {@code meta.json} and, after a
 * success, {@code preview.txt}. Writes are atomic per file, preview first and meta.json last, so
 * that meta.json never describes a preview that is not there yet.
 */
public final class CacheStore {

    public static final String META = "meta.json";
    public static final String PREVIEW = "preview.txt";

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

    /** Reads an entry; empty when there is none. */
    public Optional<CachedEntry> read(String id) throws CorruptEntryException {
        Path folder = entryDir(id);
        Path metaFile = folder.resolve(META);
        if (Files.isSymbolicLink(folder)) {
            throw new CorruptEntryException(folder, "is a symbolic link; entries must be real folders inside the cache");
        }
        byte[] json;
        try {
            json = Files.readAllBytes(metaFile);
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
        String preview = readPreview(previewFile);
        int length = preview.codePointCount(0, preview.length());
        if (meta.previewLength() == null || meta.previewLength() != length) {
            throw new CorruptEntryException(previewFile, "holds " + length + " characters but meta.json says "
                    + meta.previewLength());
        }
        return Optional.of(new CachedEntry(meta, Optional.of(preview)));
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
        return meta;
    }

    private static String readPreview(Path previewFile) throws CorruptEntryException {
        try {
            byte[] bytes = Files.readAllBytes(previewFile);
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

    /** Stores a successful fetch: the preview first, then the meta.json that describes it. */
    public void writeSuccess(EntryMeta meta, String preview) throws IOException {
        Path folder = prepare(meta.id());
        AtomicFiles.write(folder.resolve(PREVIEW), preview.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(folder.resolve(META), MetaJson.write(meta).getBytes(StandardCharsets.UTF_8));
    }

    /** Stores meta.json alone, as after a failed attempt; the preview is not touched. */
    public void writeMeta(EntryMeta meta) throws IOException {
        Path folder = prepare(meta.id());
        AtomicFiles.write(folder.resolve(META), MetaJson.write(meta).getBytes(StandardCharsets.UTF_8));
    }

    private Path prepare(String id) throws IOException {
        Path folder = entryDir(id);
        if (Files.isSymbolicLink(folder)) {
            throw new IOException("refusing to write through symbolic link " + folder);
        }
        Files.createDirectories(folder);
        return folder;
    }

    /** The ids of every entry folder, sorted; hidden files and names that are not ids are skipped. */
    public List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && ResourceId.isValid(name) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    ids.add(name);
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Deletes temporary files an interrupted writer left behind; call only while holding the lock. */
    public int removeLeftovers() throws IOException {
        int removed = 0;
        for (String id : ids()) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve(id), AtomicFiles.TEMP_PREFIX + "*")) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        }
        return removed;
    }
}
