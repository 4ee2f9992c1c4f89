package org.snapcache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntryMetaReaderTest {

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static EntryMeta viaMapper(byte[] json) throws Exception {
        return MetaJson.mapper().readValue(json, EntryMeta.class);
    }

    @Test
    void readsWhatSnapcacheWritesAsTheObjectMapperDoes() throws Exception {
        EntryMeta failedAfterSuccess = CacheStoreTest.success("abc", "héllo").failed(Instant.parse("2026-05-01T10:00:00.123Z"),
                "archive answered 503 after 4 tries");
        for (EntryMeta meta : new EntryMeta[] {CacheStoreTest.success("abc", "héllo 😀"), failedAfterSuccess,
            EntryMeta.firstFailure("x1", "https://example.org/\"quoted\"", null, Instant.EPOCH, "no capture")}) {
            byte[] json = bytes(MetaJson.write(meta));

            assertNotNull(EntryMetaReader.quickly(json));
            assertEquals(viaMapper(json), EntryMetaReader.quickly(json));
            assertEquals(meta, EntryMetaReader.read(json));
        }
    }

    @Test
    void fieldsItDoesNotKnowAreIgnored() throws Exception {
        byte[] json = bytes("{\"schemaVersion\": 1, \"id\": \"a\", \"url\": \"https://example.org/\", \"notes\": {\"by\": [\"me\"]},"
                + " \"consecutiveFailures\": 0}");

        assertEquals(viaMapper(json), EntryMetaReader.quickly(json));
    }

    @Test
    void valuesOfAnotherTypeAreLeftToTheObjectMapper() throws Exception {
        for (String odd : new String[] {
            "{\"schemaVersion\": 1, \"id\": \"a\", \"url\": \"u\", \"httpStatus\": \"200\", \"consecutiveFailures\": 0}",
            "{\"schemaVersion\": 1, \"id\": \"a\", \"url\": \"u\", \"fetchedAt\": 1767225600, \"consecutiveFailures\": 0}",
            "{\"schemaVersion\": 1, \"id\": \"a\", \"url\": \"u\", \"consecutiveFailures\": null}",
            "{\"schemaVersion\": 1, \"id\": 7, \"url\": \"u\", \"consecutiveFailures\": 0}",
            "{\"schemaVersion\": 1, \"url\": \"u\", \"consecutiveFailures\": 0}",
            "[1, 2]",
            "{\"schemaVersion\": 1, \"id\": \"a\", \"url\": \"u\"",
        }) {
            assertNull(EntryMetaReader.quickly(bytes(odd)), odd);
        }
        byte[] coerced = bytes("{\"schemaVersion\": 1, \"id\": \"a\", \"url\": \"u\", \"httpStatus\": \"200\", \"consecutiveFailures\": 0}");
        assertEquals(200, EntryMetaReader.read(coerced).httpStatus());
    }
}
