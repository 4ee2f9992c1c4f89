package org.snapcache.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.snapcache.cache.MetaJson;

class ChunkedOutputTest {

    /** Rows enough for several chunks, the last one short, and more than are formatted ahead at once. */
    static final List<Integer> ROWS = IntStream.range(0, 23 * ChunkedOutput.CHUNK + 7).boxed().toList();

    static String lines(List<Integer> rows) {
        return rows.stream().map(row -> "row " + row + "\n").collect(Collectors.joining());
    }

    @Test
    void chunksAreWrittenInTheirOrderAsOneFormattingWouldWriteThem() throws IOException {
        StringWriter out = new StringWriter();
        ChunkedOutput.write(out, ROWS, (rows, text) -> text.write(lines(rows)));
        assertEquals(lines(ROWS), out.toString());
    }

    @Test
    void aJsonArrayInChunksIsByteForByteTheArrayWrittenInOneGo() throws IOException {
        MetaJson.ValueWriter<Integer> value = (json, row) -> {
            json.writeStartObject();
            json.writeNumberField("row", row);
            json.writeStringField("name", "resource " + row);
            json.writeEndObject();
        };
        for (List<Integer> rows : List.of(ROWS, ROWS.subList(0, ChunkedOutput.CHUNK + 1), ROWS.subList(0, 3), List.<Integer>of())) {
            StringWriter whole = new StringWriter();
            MetaJson.writeArray(whole, rows, value);
            StringWriter chunked = new StringWriter();
            ChunkedOutput.writeJsonArray(chunked, rows, value);
            assertEquals(whole.toString(), chunked.toString(), rows.size() + " rows");
        }
    }

    @Test
    void aChunkThatCannotBeFormattedFailsTheReportWithItsOwnError() {
        IOException failure = assertThrows(IOException.class, () -> ChunkedOutput.write(new StringWriter(), ROWS, (rows, text) -> {
            if (rows.contains(ROWS.size() - 1)) {
                throw new IOException("no space left on device");
            }
            text.write(lines(rows));
        }));
        assertEquals("no space left on device", failure.getMessage());
    }
}
