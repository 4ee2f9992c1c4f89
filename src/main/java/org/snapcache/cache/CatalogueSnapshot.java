package org.snapcache.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.snapcache.config.ConfigException;
import org.snapcache.config.ConfigLoader;
import org.snapcache.config.ResourceFileGlob;
import org.snapcache.config.Settings;

/**
 * The settings a configuration gave when it was last loaded, kept as {@code .catalogue-snapshot}
 * in its cache folder, so that a catalogue of 100,000 entries is not parsed again while nothing
 * it was read from has changed. It is keyed on content: a SHA-256 of snapcache's version, the
 * configuration file and every resource file its patterns match, names and bytes. Only a
 * catalogue of {@link #MIN_SOURCE_BYTES} or more is kept. Derived data: delete it at any time; one
 * that does not match, or cannot be read, is replaced.
 */
public final class CatalogueSnapshot {

    public static final String FILE = ".catalogue-snapshot";

    /** Files larger than this are not a snapshot of any catalogue snapcache can hold. */
    private static final long MAX_BYTES = 1L << 30;

    /**
     * Catalogues smaller than this are parsed every time: reading a snapshot costs about as much as
     * parsing a few thousand entries (a 6,000-entry wiki catalogue is 3 MB).
     */
    static final long MIN_SOURCE_BYTES = 1L << 20;

    /** What is kept: the key, the patterns the key's files came from, and the settings. */
    record Kept(String key, List<String> patterns, Settings settings) {}

    /** meta.json's mapper, able to read and write the settings' Optional fields. */
    private static final class Codec {
        static final ObjectMapper MAPPER = MetaJson.mapper().copy().registerModule(new Jdk8Module());
    }

    private CatalogueSnapshot() {}

    /**
     * The settings of {@code configFile}: the kept ones while its content and its resource files'
     * are as they were, else loaded afresh and kept for next time. As git does with its index, a
     * load is not kept when a file it read changed less than {@link StatusIndex#SETTLE} before
     * {@code now} or since: the file may have changed while it was read.
     *
     * @param now when the command started, from its clock
     */
    public static Settings load(Path configFile, ConfigLoader loader, String version, Instant now) throws ConfigException {
        Optional<Kept> kept = read(ConfigLoader.likelyCacheDir(configFile).resolve(FILE));
        if (kept.isPresent() && kept.get().key().equals(key(version, configFile, kept.get().patterns()))) {
            return kept.get().settings().readFrom(configFile);
        }
        Settings settings = loader.load(configFile);
        if (Files.isDirectory(settings.cacheDir())
                && worthKeeping(configFile, settings.resourceFiles(), now.minus(StatusIndex.SETTLE))) {
            write(settings.cacheDir().resolve(FILE), new Kept(key(version, configFile, settings.resourceFiles()),
                    settings.resourceFiles(), settings));
        }
        return settings;
    }

    /** Whether the files are large enough to be worth a snapshot, and none changed since {@code before}. */
    private static boolean worthKeeping(Path configFile, List<String> patterns, Instant before) {
        try {
            List<Path> files = new ArrayList<>(List.of(configFile));
            Path folder = configFile.toAbsolutePath().normalize().getParent();
            for (String pattern : patterns) {
                files.addAll(ResourceFileGlob.expand(folder, pattern));
            }
            long bytes = 0;
            for (Path file : files) {
                if (!Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    return false;
                }
                bytes += Files.size(file);
            }
            return bytes >= MIN_SOURCE_BYTES;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Kept> read(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            ObjectReader reader = Codec.MAPPER.readerFor(Kept.class);
            return Optional.of(reader.readValue(file.toFile()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // torn, or from another version: loaded afresh
        }
    }

    private static void write(Path file, Kept kept) {
        try {
            AtomicFiles.write(file, Codec.MAPPER.writeValueAsBytes(kept));
        } catch (IOException | RuntimeException e) {
            // a cache folder that cannot be written to is reported by the commands that write it
        }
    }

    /** SHA-256 of the version, the configuration file and every file the patterns match, names and bytes. */
    static String key(String version, Path configFile, List<String> patterns) {
        MessageDigest digest = sha256();
        digest.update((version + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            hash(digest, configFile.toAbsolutePath().normalize());
            Path folder = configFile.toAbsolutePath().normalize().getParent();
            for (String pattern : patterns) {
                digest.update(("pattern " + pattern + "\n").getBytes(StandardCharsets.UTF_8));
                for (Path file : ResourceFileGlob.expand(folder, pattern)) {
                    hash(digest, file);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e; // matches no kept key
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void hash(MessageDigest digest, Path file) throws IOException {
        digest.update(("file " + file + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("every Java runtime has SHA-256", e));
        }
    }
}
