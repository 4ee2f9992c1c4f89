package org.snapcache.cache;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON form of cache files and reports: ISO-8601 instants, two-space indentation,
 * {@code "key": value}, and one trailing newline, so that diffs of a cache in git stay small.
 */
public final class MetaJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private MetaJson() {}

    /** The shared, immutable-once-configured mapper; use {@link #write} for output. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A JSON array written as it goes, formatted as {@link #write} formats it, with one trailing newline. */
    public static void writeArray(Writer out, Iterable<? extends Object> values) throws IOException {
        try (SequenceWriter array = WRITER.without(SerializationFeature.CLOSE_CLOSEABLE).writeValuesAsArray(out)) {
            for (Object value : values) {
                array.write(value);
            }
        }
        out.write("\n");
    }

    /** Pretty JSON with one trailing newline. */
    public static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
