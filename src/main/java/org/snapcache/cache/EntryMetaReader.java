package org.snapcache.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Reads a meta.json as snapcache writes it with Jackson's streaming parser alone, which starts in
 * a fraction of the time Jackson's object mapper takes to learn {@link EntryMeta}: {@code show}
 * reads one entry and is done. Anything it is not sure of (a value of another type than
 * snapcache writes, a malformed document) goes to the object mapper, whose answer, or error, is
 * the one that counts.
 */
final class EntryMetaReader {

    private static final JsonFactory JSON = new JsonFactory();

    private EntryMetaReader() {}

    static EntryMeta read(byte[] json) throws IOException {
        EntryMeta meta = quickly(json);
        return meta != null ? meta : MetaJson.mapper().readValue(json, EntryMeta.class);
    }

    /** The entry, or null when the object mapper must decide. */
    static EntryMeta quickly(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Fields f = new Fields();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!f.set(name, value, parser)) {
                    return null;
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null || f.id == null || f.url == null) {
                return null;
            }
            return new EntryMeta(f.schemaVersion, f.id, f.url, f.stableId, f.title, f.archiveUrl, f.captureTimestamp,
                    f.requestedTimestamp, f.captureNote, f.source, f.fetchedAt, f.changedAt, f.httpStatus, f.contentType,
                    f.charset, f.byteLength, f.contentLength, f.previewLength, f.truncated, f.contentHash, f.textWarning,
                    f.lastAttemptAt, f.lastError, f.consecutiveFailures);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final class Fields {
        int schemaVersion;
        String id;
        String url;
        String stableId;
        String title;
        String archiveUrl;
        String captureTimestamp;
        String requestedTimestamp;
        String captureNote;
        String source;
        Instant fetchedAt;
        Instant changedAt;
        Integer httpStatus;
        String contentType;
        String charset;
        Long byteLength;
        Integer contentLength;
        Integer previewLength;
        Boolean truncated;
        String contentHash;
        String textWarning;
        Instant lastAttemptAt;
        String lastError;
        int consecutiveFailures;

        /** Sets a field from the value the parser is on; false when unsure of it. */
        boolean set(String name, JsonToken value, JsonParser parser) throws IOException {
            switch (name) {
                case "schemaVersion" -> {
                    Integer number = integer(value, parser);
                    if (number == null) {
                        return false;
                    }
                    schemaVersion = number;
                }
                case "consecutiveFailures" -> {
                    Integer number = integer(value, parser);
                    if (number == null) {
                        return false;
                    }
                    consecutiveFailures = number;
                }
                case "id" -> id = text(value, parser);
                case "url" -> url = text(value, parser);
                case "stableId" -> stableId = text(value, parser);
                case "title" -> title = text(value, parser);
                case "archiveUrl" -> archiveUrl = text(value, parser);
                case "captureTimestamp" -> captureTimestamp = text(value, parser);
                case "requestedTimestamp" -> requestedTimestamp = text(value, parser);
                case "captureNote" -> captureNote = text(value, parser);
                case "source" -> source = text(value, parser);
                case "contentType" -> contentType = text(value, parser);
                case "charset" -> charset = text(value, parser);
                case "contentHash" -> contentHash = text(value, parser);
                case "textWarning" -> textWarning = text(value, parser);
                case "lastError" -> lastError = text(value, parser);
                case "fetchedAt" -> fetchedAt = instant(value, parser);
                case "changedAt" -> changedAt = instant(value, parser);
                case "lastAttemptAt" -> lastAttemptAt = instant(value, parser);
                case "httpStatus" -> httpStatus = value == JsonToken.VALUE_NULL ? null : integer(value, parser);
                case "contentLength" -> contentLength = value == JsonToken.VALUE_NULL ? null : integer(value, parser);
                case "previewLength" -> previewLength = value == JsonToken.VALUE_NULL ? null : integer(value, parser);
                case "byteLength" -> {
                    if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        byteLength = parser.getLongValue();
                    } else if (value != JsonToken.VALUE_NULL) {
                        return false;
                    } else {
                        byteLength = null;
                    }
                }
                case "truncated" -> {
                    if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                        truncated = value == JsonToken.VALUE_TRUE;
                    } else if (value != JsonToken.VALUE_NULL) {
                        return false;
                    } else {
                        truncated = null;
                    }
                }
                default -> {
                    // fields of later versions, or of a person's own: ignored, as the object mapper ignores them
                    parser.skipChildren();
                    return true;
                }
            }
            return !unsure;
        }

        /** Whether a value was of another type than expected. */
        private boolean unsure;

        private String text(JsonToken value, JsonParser parser) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.VALUE_STRING) {
                unsure = true;
                return null;
            }
            return parser.getText();
        }

        private Integer integer(JsonToken value, JsonParser parser) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                unsure = true;
                return null;
            }
            return parser.getIntValue();
        }

        private Instant instant(JsonToken value, JsonParser parser) throws IOException {
            String text = text(value, parser);
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeException e) {
                unsure = true;
                return null;
            }
        }
    }
}
