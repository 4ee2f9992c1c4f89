package org.snapcache.config;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings a configuration file gave when it was last read, kept in the cache folder as
 * {@code .catalogue-snapshot}, so that a catalogue of 100,000 entries is not parsed again while
 * neither config.yaml nor any resource file it names has changed. It is used only while the
 * stamps ({@link FileStamp}) of config.yaml, of every file its resource-files patterns match, and
 * of snapcache's own code are exactly as recorded, and the patterns still match the same files;
 * only a configuration that loaded without a problem is kept. Derived data: delete it at any time.
 */
final class CatalogueSnapshot {

    static final String FILE = ".catalogue-snapshot";

    private static final String MAGIC = "snapcache catalogue snapshot";
    private static final int VERSION = 2;

    private CatalogueSnapshot() {}

    /** The files a configuration was read from, with their stamps: config.yaml first, then each pattern's matches. */
    record Sources(Path config, FileStamp configStamp, List<Pattern> patterns, String code) {

        /** A resource-files pattern and the files it matched, each with its stamp. */
        record Pattern(String pattern, List<Path> files, List<FileStamp> stamps) {}

        boolean settledAt(Instant when) {
            return configStamp.settledAt(when) && patterns.stream().allMatch(p -> p.stamps().stream().allMatch(s -> s.settledAt(when)));
        }
    }

    /** The settings kept for this configuration file in {@code cacheDir}, if its sources are unchanged. */
    static Optional<Settings> read(Path configFile, Path cacheDir, String code) {
        try {
            ByteBuffer in = DerivedData.read(cacheDir.resolve(FILE));
            if (!MAGIC.equals(text(in)) || in.getInt() != VERSION) {
                return Optional.empty();
            }
            // the file as given (it names the resources' sources) and where it is
            Path config = Path.of(text(in));
            if (!text(in).equals(configFile.toString()) || !config.equals(configFile.toAbsolutePath().normalize())
                    || !text(in).equals(code) || !stamp(in).equals(FileStamp.of(config).orElse(null))) {
                return Optional.empty();
            }
            Path folder = config.getParent();
            int patterns = in.getInt();
            for (int p = 0; p < patterns; p++) {
                String pattern = text(in);
                List<Path> matched = ResourceFileGlob.expand(folder, pattern);
                int files = in.getInt();
                if (files != matched.size()) {
                    return Optional.empty();
                }
                for (int f = 0; f < files; f++) {
                    Path file = Path.of(text(in));
                    if (!file.equals(matched.get(f)) || !stamp(in).equals(FileStamp.of(file).orElse(null))) {
                        return Optional.empty();
                    }
                }
            }
            Settings settings = settings(in, configFile);
            return in.hasRemaining() || !settings.cacheDir().equals(cacheDir) ? Optional.empty() : Optional.of(settings);
        } catch (IOException | RuntimeException e) {
            // none yet, or torn, or from another version: the file is read again
            return Optional.empty();
        }
    }

    /** Keeps these settings for their sources, unless a source changed too recently to vouch for; never fails. */
    static void write(Settings settings, Sources sources, Instant readAt) {
        if (!sources.settledAt(readAt) || !Files.isDirectory(settings.cacheDir())) {
            return;
        }
        DerivedData.replaceQuietly(settings.cacheDir().resolve(FILE), out -> {
            text(out, MAGIC);
            out.writeInt(VERSION);
            text(out, sources.config().toAbsolutePath().normalize().toString());
            text(out, sources.config().toString());
            text(out, sources.code());
            stamp(out, sources.configStamp());
            out.writeInt(sources.patterns().size());
            for (Sources.Pattern pattern : sources.patterns()) {
                text(out, pattern.pattern());
                out.writeInt(pattern.files().size());
                for (int f = 0; f < pattern.files().size(); f++) {
                    text(out, pattern.files().get(f).toString());
                    stamp(out, pattern.stamps().get(f));
                }
            }
            settings(out, settings);
        });
    }

    /** Which build of snapcache read the configuration: another may read it otherwise. */
    static String code() {
        try {
            Path location = Path.of(CatalogueSnapshot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location + " " + FileStamp.of(location).map(FileStamp::toString).orElse("(a folder)");
        } catch (Exception e) {
            return "unknown";
        }
    }

    // ---- settings ----

    private static void settings(DataOutputStream out, Settings s) throws IOException {
        text(out, s.cacheDir().toString());
        out.writeInt(s.previewChars());
        duration(out, s.maxAge());
        out.writeInt(s.archive().baseUrls().size());
        for (String url : s.archive().baseUrls()) {
            text(out, url);
        }
        text(out, s.archive().mode().name());
        out.writeBoolean(s.archive().preferOkCapture());
        HttpSettings http = s.http();
        text(out, http.userAgent());
        duration(out, http.timeout());
        out.writeInt(http.concurrency());
        out.writeInt(http.requestsPerMinute());
        out.writeInt(http.retries());
        out.writeLong(http.maxBodyBytes());
        duration(out, http.rateLimitPause());
        out.writeBoolean(s.liveFallback());
        out.writeInt(s.resources().size());
        for (Resource r : s.resources()) {
            text(out, r.id());
            text(out, r.url());
            text(out, r.title().orElse(null));
            text(out, r.type().orElse(null));
            text(out, r.stableId().orElse(null));
            text(out, r.archivedAt().orElse(null));
            text(out, r.source());
        }
        out.writeInt(s.invalid().size());
        for (InvalidEntry e : s.invalid()) {
            text(out, e.source());
            text(out, e.id().orElse(null));
            text(out, e.url().orElse(null));
            text(out, e.title().orElse(null));
            text(out, e.stableId().orElse(null));
            text(out, e.reason());
        }
        out.writeInt(s.warnings().size());
        for (String warning : s.warnings()) {
            text(out, warning);
        }
    }

    private static Settings settings(ByteBuffer in, Path configFile) throws IOException {
        Path cacheDir = Path.of(text(in));
        int previewChars = in.getInt();
        Duration maxAge = duration(in);
        List<String> baseUrls = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) {
            baseUrls.add(text(in));
        }
        ArchiveSettings archive = new ArchiveSettings(baseUrls, ArchiveMode.valueOf(text(in)), in.get() != 0);
        HttpSettings http = new HttpSettings(text(in), duration(in), in.getInt(), in.getInt(), in.getInt(), in.getLong(), duration(in));
        boolean liveFallback = in.get() != 0;
        int count = in.getInt();
        List<Resource> resources = new ArrayList<>(Math.min(Math.max(count, 0), 1 << 20));
        for (int i = 0; i < count; i++) {
            resources.add(new Resource(text(in), text(in), Optional.ofNullable(text(in)), Optional.ofNullable(text(in)),
                    Optional.ofNullable(text(in)), Optional.ofNullable(text(in)), text(in)));
        }
        List<InvalidEntry> invalid = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) {
            invalid.add(new InvalidEntry(text(in), Optional.ofNullable(text(in)), Optional.ofNullable(text(in)),
                    Optional.ofNullable(text(in)), Optional.ofNullable(text(in)), text(in)));
        }
        List<String> warnings = new ArrayList<>();
        for (int i = in.getInt(); i > 0; i--) {
            warnings.add(text(in));
        }
        return new Settings(configFile, cacheDir, previewChars, maxAge, archive, http, liveFallback, resources, invalid, warnings);
    }

    // ---- values ----

    private static void stamp(DataOutputStream out, FileStamp stamp) throws IOException {
        out.writeLong(stamp.key());
        out.writeLong(stamp.size());
        out.writeLong(stamp.modifiedNanos());
    }

    private static FileStamp stamp(ByteBuffer in) {
        return new FileStamp(in.getLong(), in.getLong(), in.getLong());
    }

    private static void duration(DataOutputStream out, Duration duration) throws IOException {
        out.writeLong(duration.getSeconds());
        out.writeInt(duration.getNano());
    }

    private static Duration duration(ByteBuffer in) {
        return Duration.ofSeconds(in.getLong(), in.getInt());
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        DerivedData.writeText(out, text);
    }

    private static String text(ByteBuffer in) {
        return DerivedData.readText(in);
    }
}
