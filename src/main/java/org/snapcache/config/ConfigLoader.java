package org.snapcache.config;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.StringReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads config.yaml and its resource files, validating all of it before anything is fetched.
 * Relative paths resolve against the config file's folder.
 */
public final class ConfigLoader {

    static final String DEFAULT_BASE_URL = "https://web.archive.org/web/";
    static final long DEFAULT_MAX_BODY = 10L * 1024 * 1024;

    private static final Set<String> TOP = Set.of("cache-dir", "preview-chars", "full-text", "full-text-chars", "max-age",
            "archive", "http", "live-fallback", "resources", "resource-files");
    private static final Set<String> ARCHIVE = Set.of("base-url", "base-urls", "mode", "prefer-ok-capture", "save-missing", "save-url",
            "saves-per-minute", "save-wait");
    private static final Set<String> HTTP = Set.of("user-agent", "timeout", "concurrency", "requests-per-minute", "retries",
            "max-body", "rate-limit-pause");

    private final YamlReader reader = new YamlReader();
    private final String defaultUserAgent;

    public ConfigLoader(String defaultUserAgent) {
        this.defaultUserAgent = defaultUserAgent;
    }

    public Settings load(Path configFile) throws ConfigException {
        String shown = configFile.toString();
        if (Files.isDirectory(configFile)) {
            throw new ConfigException(List.of(shown + ": a folder, not a configuration file (--config names the file)"));
        }
        if (!Files.exists(configFile)) {
            throw new ConfigException(List.of(shown + ": no such configuration file"));
        }
        if (!Files.isRegularFile(configFile)) {
            throw new ConfigException(List.of(shown + ": not a regular file (a device or a pipe); give a configuration file"));
        }
        Path folder = configFile.toAbsolutePath().normalize().getParent();
        Problems problems = new Problems();
        YamlNode.Mapping top = topMapping(reader.read(configFile, shown), shown, problems);
        MappingFields fields = new MappingFields(top, shown, "", problems);
        fields.rejectUnknown(TOP);

        Path cacheDir = folder.resolve(fields.text("cache-dir").orElse("cache")).normalize();
        if (Files.exists(cacheDir) && !Files.isDirectory(cacheDir)) {
            problems.add(shown, "cache-dir " + cacheDir + " is a file, not a folder");
        }
        int previewChars = fields.integer("preview-chars", 1, 1_000_000).orElse(Settings.DEFAULT_PREVIEW_CHARS);
        int fullTextChars = fields.integer("full-text-chars", 1, 100_000_000).orElse(Settings.DEFAULT_FULL_TEXT_CHARS);
        if (!fields.bool("full-text").orElse(true)) {
            fullTextChars = 0;
        }
        Duration maxAge = fields.duration("max-age").orElse(Duration.ofDays(30));
        ArchiveSettings archive = archive(fields, shown, problems);
        Optional<SaveSettings> save = archive == null ? Optional.empty() : save(fields, archive, shown, problems);
        HttpSettings http = http(fields, shown, problems);
        boolean liveFallback = fields.bool("live-fallback").orElse(false);

        ResourceEntries entries = new ResourceEntries(problems);
        List<YamlNode> inline = fields.list("resources");
        for (int i = 0; i < inline.size(); i++) {
            entries.read(inline.get(i), shown, i, true);
        }
        List<String> patterns = new ArrayList<>();
        for (YamlNode pattern : fields.list("resource-files")) {
            resourceFiles(pattern, configFile, folder, shown, entries, problems).ifPresent(patterns::add);
        }
        if (!problems.isEmpty() || archive == null || http == null) {
            throw new ConfigException(problems.lines());
        }
        ResourceEntries.Parts catalogue = entries.finish();
        return new Settings(configFile, cacheDir, previewChars, fullTextChars, maxAge, archive, http, liveFallback, patterns,
                catalogue.resources(), catalogue.invalid(), catalogue.warnings(), save);
    }

    /**
     * Where the cache folder most likely is, from a glance at the file's lines rather than a
     * parse: the value of a {@code cache-dir:} line at the top level, or the default. Only to find
     * what was kept there before the file is read; the loaded settings decide.
     */
    public static Path likelyCacheDir(Path configFile) {
        Path folder = configFile.toAbsolutePath().normalize().getParent();
        String dir = "cache";
        if (!Files.isRegularFile(configFile)) {
            return folder.resolve(dir);
        }
        // the first megabyte: a cache-dir line further down, or in a file of one endless line, is the loader's to find
        try (BufferedReader lines = new BufferedReader(new StringReader(new String(readHead(configFile, 1 << 20), StandardCharsets.UTF_8)))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("cache-dir:")) {
                    String value = line.substring("cache-dir:".length()).replaceFirst("\\s+#.*$", "").strip();
                    if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                            && value.charAt(value.length() - 1) == value.charAt(0)) {
                        value = value.substring(1, value.length() - 1);
                    }
                    dir = value.isEmpty() ? dir : value;
                    break;
                }
            }
            return folder.resolve(dir).normalize();
        } catch (IOException | RuntimeException e) {
            return folder.resolve("cache");
        }
    }

    private static byte[] readHead(Path file, int bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(bytes);
        }
    }

    private static YamlNode.Mapping topMapping(Optional<YamlNode> root, String shown, Problems problems) {
        if (root.isEmpty() || root.get() instanceof YamlNode.Scalar scalar && scalar.text() == null) {
            return new YamlNode.Mapping(List.of(), 1);
        }
        if (root.get() instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        problems.add(shown, root.get().line(), "top level", "must be a mapping of settings, got " + root.get().kind());
        return new YamlNode.Mapping(List.of(), 1);
    }

    private static ArchiveSettings archive(MappingFields top, String shown, Problems problems) {
        YamlNode.Mapping node = top.mapping("archive").orElse(new YamlNode.Mapping(List.of(), top.line("archive")));
        MappingFields fields = new MappingFields(node, shown, "archive.", problems);
        fields.rejectUnknown(ARCHIVE);
        int before = problems.size();
        Optional<String> single = fields.text("base-url").map(String::trim);
        List<YamlNode> many = fields.list("base-urls");
        if (single.isPresent() && !many.isEmpty()) {
            fields.problem("base-urls", "give base-url (one archive) or base-urls (a list), not both");
        }
        List<String> normalised = new ArrayList<>();
        if (single.isPresent()) {
            Optional.ofNullable(BrowserUrl.problem(single.get())).ifPresent(why -> fields.problem("base-url", why));
            normalised.add(single.get());
        }
        for (YamlNode item : many) {
            if (item instanceof YamlNode.Scalar scalar && scalar.text() != null) {
                String url = scalar.text().trim();
                Optional.ofNullable(BrowserUrl.problem(url)).ifPresent(why -> problems.add(shown, item.line(), "archive.base-urls", why));
                normalised.add(url);
            } else {
                problems.add(shown, item.line(), "archive.base-urls", "each entry must be a URL, got " + item.kind());
            }
        }
        if (normalised.isEmpty()) {
            normalised.add(DEFAULT_BASE_URL);
        }
        normalised.replaceAll(url -> url.endsWith("/") ? url : url + "/");
        String mode = fields.text("mode").orElse("raw");
        ArchiveMode archiveMode = switch (mode) {
            case "raw" -> ArchiveMode.RAW;
            case "playback" -> ArchiveMode.PLAYBACK;
            default -> {
                fields.problem("mode", "must be raw or playback, got \"" + mode + "\"");
                yield null;
            }
        };
        boolean preferOk = fields.bool("prefer-ok-capture").orElse(true);
        if (problems.size() > before || archiveMode == null) {
            return null;
        }
        return new ArchiveSettings(normalised, archiveMode, preferOk);
    }

    /**
     * {@code archive.save-missing} and its settings: the save API at {@code <origin>/save}, the
     * first archive's scheme and host, unless {@code save-url} names it (a bare origin gets {@code /save}).
     */
    private static Optional<SaveSettings> save(MappingFields top, ArchiveSettings archive, String shown, Problems problems) {
        YamlNode.Mapping node = top.mapping("archive").orElse(new YamlNode.Mapping(List.of(), top.line("archive")));
        MappingFields fields = new MappingFields(node, shown, "archive.", problems);
        boolean on = fields.bool("save-missing").orElse(false);
        int perMinute = fields.integer("saves-per-minute", 1, 60).orElse(SaveSettings.DEFAULT_PER_MINUTE);
        Duration wait = fields.duration("save-wait").orElse(SaveSettings.DEFAULT_WAIT);
        Optional<String> url = fields.text("save-url").map(String::trim);
        url.map(BrowserUrl::problem).ifPresent(why -> fields.problem("save-url", why));
        okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(url.orElse(archive.baseUrl()));
        if (!on || parsed == null) {
            return Optional.empty();
        }
        boolean bare = url.isEmpty() || parsed.encodedPath().equals("/");
        okhttp3.HttpUrl endpoint = bare ? parsed.newBuilder().encodedPath("/save").query(null).build() : parsed;
        return Optional.of(new SaveSettings(endpoint.toString().replaceFirst("/$", ""), perMinute, wait));
    }

    private HttpSettings http(MappingFields top, String shown, Problems problems) {
        YamlNode.Mapping node = top.mapping("http").orElse(new YamlNode.Mapping(List.of(), top.line("http")));
        MappingFields fields = new MappingFields(node, shown, "http.", problems);
        fields.rejectUnknown(HTTP);
        String userAgent = fields.text("user-agent").map(String::strip).orElse(defaultUserAgent);
        if (userAgent.isEmpty() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            fields.problem("user-agent", "must be non-empty printable ASCII");
            return null;
        }
        return new HttpSettings(
                userAgent,
                fields.duration("timeout").orElse(Duration.ofSeconds(30)),
                fields.integer("concurrency", 1, 64).orElse(4),
                fields.integer("requests-per-minute", 1, 100_000).orElse(30),
                fields.integer("retries", 0, 10).orElse(3),
                fields.size("max-body").orElse(DEFAULT_MAX_BODY),
                fields.duration("rate-limit-pause").orElse(Duration.ofSeconds(60)));
    }

    /** Reads the entries of every file a pattern matches; the pattern, when it is one. */
    private Optional<String> resourceFiles(YamlNode pattern, Path configFile, Path folder, String shown,
            ResourceEntries entries, Problems problems) {
        if (!(pattern instanceof YamlNode.Scalar scalar) || scalar.text() == null || scalar.text().isBlank()) {
            problems.add(shown, pattern.line(), "resource-files", "each entry must be a file name or glob, got " + pattern.kind());
            return Optional.empty();
        }
        List<Path> files;
        try {
            files = ResourceFileGlob.expand(folder, scalar.text().trim());
        } catch (IOException | IllegalArgumentException e) {
            problems.add(shown, pattern.line(), "resource-files", "cannot expand \"" + scalar.text() + "\": " + e.getMessage());
            return Optional.empty();
        }
        if (files.isEmpty()) {
            problems.add(shown, pattern.line(), "resource-files", "\"" + scalar.text() + "\" matches no file");
        }
        for (Path file : files) {
            String fileShown = configFile.resolveSibling(folder.relativize(file)).toString();
            try {
                List<YamlNode> items = resourceList(reader.read(file, fileShown), fileShown, problems);
                for (int i = 0; i < items.size(); i++) {
                    entries.read(items.get(i), fileShown, i, false);
                }
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        return Optional.of(scalar.text().trim());
    }

    /**
     * A resource file is a list of entries, or a mapping whose {@code resources} key holds one.
     * Anything else, an empty file too, is a problem: read as "no resources", it would let
     * {@code prune} empty the cache.
     */
    private static List<YamlNode> resourceList(Optional<YamlNode> root, String shown, Problems problems) {
        if (root.isEmpty() || root.get() instanceof YamlNode.Scalar scalar && scalar.text() == null) {
            problems.add(shown, "holds no list of resources (the file is empty)");
            return List.of();
        }
        if (root.get() instanceof YamlNode.Sequence sequence) {
            return sequence.items();
        }
        if (root.get() instanceof YamlNode.Mapping mapping) {
            MappingFields fields = new MappingFields(mapping, shown, "", problems);
            Optional<YamlNode.Field> list = fields.field("resources");
            if (list.isEmpty() || !(list.get().value() instanceof YamlNode.Sequence)) {
                problems.add(shown, mapping.line(), "top level", "holds no list of resources (a list, or a mapping with a list under"
                        + " resources, was expected; got a mapping " + (list.isEmpty() ? "without resources" : "whose resources is "
                        + list.get().value().kind()) + ")");
                return List.of();
            }
            return fields.list("resources");
        }
        problems.add(shown, root.get().line(), "top level", "must be a list of resources, got " + root.get().kind());
        return List.of();
    }
}
