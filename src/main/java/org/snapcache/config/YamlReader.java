package org.snapcache.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads a YAML file into a {@link YamlNode} tree with line numbers. */
final class YamlReader {

    /** SnakeYAML refuses documents over 3 MB by default; a catalogue of 100,000 entries is larger. */
    private static final int MAX_CODE_POINTS = 512 * 1024 * 1024;

    private final YAMLFactory factory;

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
        try (InputStream in = Files.newInputStream(file); JsonParser parser = factory.createParser(in)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            return Optional.of(node(parser));
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(malformed(e, shownAs)));
        } catch (IOException e) {
            throw new ConfigException(List.of(shownAs + ": cannot read: " + e.getMessage()));
        } catch (RuntimeException e) {
            // the YAML parser's own failures on input it does not expect; still the input's fault
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ConfigException(List.of(shownAs + ": malformed YAML: " + message.lines().findFirst().orElse("")));
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

    private static String malformed(JsonProcessingException e, String shownAs) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return shownAs + ":" + (marked.getProblemMark().getLine() + 1) + ":"
                    + (marked.getProblemMark().getColumn() + 1) + ": malformed YAML: " + marked.getProblem();
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
        return shownAs + where + ": malformed YAML: " + e.getOriginalMessage().lines().findFirst().orElse("");
    }
}
