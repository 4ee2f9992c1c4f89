package org.snapcache.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML file into a {@link YamlNode} tree with line numbers; a JSON file (named
 * {@code .json}, or starting with {@code [} or <code>{</code>) through Jackson's JSON parser.
 */
final class YamlReader {

    /** SnakeYAML refuses documents over 3 MB by default; a catalogue of 100,000 entries is larger. */
    private static final int MAX_CODE_POINTS = 512 * 1024 * 1024;

    /** The longest line of a YAML file: 16 URLs of the longest snapcache fetches, a paragraph of prose many times over. */
    static final int MAX_LINE_CHARS = 1 << 18;

    /** The largest file read: as many bytes as the parser takes characters. */
    static final long MAX_BYTES = MAX_CODE_POINTS;

    private final YAMLFactory factory;
    private final JsonFactory json = new JsonFactory();

    YamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        factory = YAMLFactory.builder().loaderOptions(options).build();
    }

    /**
     * @return the document's root, or empty for an empty file
     * @throws ConfigException with one located problem when the file is unreadable or malformed
     */
    Optional<YamlNode> read(Path file, String shownAs) throws ConfigException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(List.of(String.format(Locale.ROOT, "%s: %,d bytes, more than a catalogue file can be (%,d)",
                        shownAs, Files.size(file), MAX_BYTES)));
            }
        } catch (IOException e) {
            throw new ConfigException(List.of(shownAs + ": cannot read: " + e.getMessage()));
        }
        boolean isJson = isJson(file);
        String language = isJson ? "JSON" : "YAML";
        if (!isJson) {
            refuseLongLines(file, shownAs);
        }
        try (InputStream in = Files.newInputStream(file); JsonParser parser = isJson ? json.createParser(in) : factory.createParser(in)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            return Optional.of(node(parser));
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(malformed(e, shownAs, language)));
        } catch (IOException e) {
            throw new ConfigException(List.of(shownAs + ": cannot read: " + e.getMessage()));
        } catch (RuntimeException e) {
            // the YAML parser's own failures on input it does not expect; still the input's fault
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ConfigException(List.of(shownAs + ": malformed " + language + ": " + message.lines().findFirst().orElse("")));
        }
    }

    /**
     * Refuses a YAML file with a line longer than {@link #MAX_LINE_CHARS} before it is parsed: the
     * YAML parser takes time that grows with the square of a scalar's length (a URL of 60 MB took
     * eight minutes), and no entry is that long.
     */
    private static void refuseLongLines(Path file, String shownAs) throws ConfigException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            int line = 1;
            long length = 0;
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        line++;
                        length = 0;
                    } else if (++length > MAX_LINE_CHARS) {
                        throw new ConfigException(List.of(String.format(Locale.ROOT,
                                "%s:%d: a line of more than %,d characters; no entry is that long", shownAs, line, MAX_LINE_CHARS)));
                    }
                }
            }
        } catch (IOException e) {
            throw new ConfigException(List.of(shownAs + ": cannot read: " + e.getMessage()));
        }
    }

    private YamlNode node(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        int line = line(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT -> {
                List<YamlNode.Field> fields = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser.currentTokenLocation());
                    parser.nextToken();
                    fields.add(new YamlNode.Field(key, node(parser), keyLine));
                }
                return new YamlNode.Mapping(fields, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser));
                }
                return new YamlNode.Sequence(items, line);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, false, line);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(parser.getText(), true, line);
            }
            default -> {
                return new YamlNode.Scalar(parser.getText(), false, line);
            }
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    /** JSON by its name, or by its first character that is not white space (after a byte order mark). */
    private static boolean isJson(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            int i = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf ? 3 : 0;
            while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) {
                i++;
            }
            return i < head.length && (head[i] == '[' || head[i] == '{');
        } catch (IOException e) {
            return false; // the read that follows says what is wrong
        }
    }

    private static String malformed(JsonProcessingException e, String shownAs, String language) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return shownAs + ":" + (marked.getProblemMark().getLine() + 1) + ":"
                    + (marked.getProblemMark().getColumn() + 1) + ": malformed " + language + ": " + marked.getProblem();
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
        return shownAs + where + ": malformed " + language + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
    }
}
