package org.snapcache.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON form of cache files and reports: ISO-8601 instants, two-space indentation,
 * {@code "key": value}, and one trailing newline, so that diffs of a cache in git stay small.
 */
public final class MetaJson {

    /**
     * The mapper and its writer, set up when first used: the mapper with its date and time
     * module takes tens of milliseconds to set up, and a streamed report never needs it.
     */
    private static final class Mapping {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

        static final ObjectWriter WRITER = MAPPER.writer(printer());
    }

    private static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    }

    private MetaJson() {}

    /** The shared, immutable-once-configured mapper; use {@link #write} for output. */
    public static ObjectMapper mapper() {
        return Mapping.MAPPER;
    }

    /** Writes one value of a streamed array. */
    public interface ValueWriter<T> {
        void write(JsonGenerator json, T value) throws IOException;
    }

    /**
     * A JSON array written field by field as it goes, formatted as {@link #write} formats values,
     * with one trailing newline, and without building a tree for each value: a report of 100,000
     * rows. The writer is left open.
     */
    public static <T> void writeArray(Writer out, Iterable<T> values, ValueWriter<T> writer) throws IOException {
        try (JsonGenerator json = STREAMING.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setPrettyPrinter(printer());
            json.writeStartArray();
            for (T value : values) {
                writer.write(json, value);
            }
            json.writeEndArray();
        }
        out.write("\n");
    }

    private static final JsonFactory STREAMING = new JsonFactory();

    /** Pretty JSON with one trailing newline. */
    public static String write(Object value) {
        try {
            return Mapping.WRITER.writeValueAsString(value) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
