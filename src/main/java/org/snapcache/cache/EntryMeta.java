package org.snapcache.cache;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * The contents of {@code meta.json}: where a preview came from and how the last attempt went.
 * {@code requestedTimestamp} is the capture asked for (pinned, or the time of the fetch) and
 * {@code captureNote} says why another capture than the nearest was used, if one was;
 * {@code changedAt} is when the text last differed from the fetch before; {@code byteLength} is
 * the size of what was read; {@code textWarning} flags text that looks wrongly decoded;
 * {@code textLength} is the characters of the text kept in text.txt, the whole text unless
 * {@code full-text-chars} cut it (null when none is kept); {@code pageTextLength} is the characters
 * of page.txt, the whole page's text kept beside an HTML page's main text (null when none is);
 * {@code saveJob} is the archive's Save Page Now job while a save snapcache asked for is pending,
 * and {@code saveRequestedAt} when snapcache last asked the archive to save the resource.
 * Field order is fixed so that a cache kept in git shows small diffs. Fields of a success are
 * null until the first success; a failure changes only the three attempt fields.
 */
@JsonPropertyOrder({"schemaVersion", "id", "url", "stableId", "title", "archiveUrl", "captureTimestamp",
    "requestedTimestamp", "captureNote", "source",
    "fetchedAt", "changedAt", "httpStatus", "contentType", "charset", "byteLength", "contentLength", "previewLength",
    "textLength", "pageTextLength", "truncated", "contentHash", "textWarning", "lastAttemptAt", "lastError", "consecutiveFailures",
    "saveJob", "saveRequestedAt"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record EntryMeta(
        int schemaVersion,
        String id,
        String url,
        String stableId,
        String title,
        String archiveUrl,
        String captureTimestamp,
        String requestedTimestamp,
        String captureNote,
        String source,
        Instant fetchedAt,
        Instant changedAt,
        Integer httpStatus,
        String contentType,
        String charset,
        Long byteLength,
        Integer contentLength,
        Integer previewLength,
        Boolean truncated,
        String contentHash,
        String textWarning,
        Instant lastAttemptAt,
        String lastError,
        int consecutiveFailures,
        Integer textLength,
        Integer pageTextLength,
        String saveJob,
        Instant saveRequestedAt) {

    public static final int SCHEMA_VERSION = 1;

    public EntryMeta {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
    }

    /** Whether a preview was ever fetched successfully. */
    public boolean hasPreview() {
        return fetchedAt != null;
    }

    /** Whether the content was a binary type (an image, audio, an archive): no text, only a type and size. */
    public boolean binaryContent() {
        return contentLength != null && contentLength == 0 && byteLength != null && contentType != null
                && !contentType.startsWith("text/") && !contentType.contains("html") && !contentType.contains("pdf");
    }

    /**
     * This entry after a failed attempt: the preview and its fields stay as they were; a pending
     * save is over (the attempt's outcome says what became of it).
     */
    public EntryMeta failed(Instant at, String error) {
        return new EntryMeta(schemaVersion, id, url, stableId, title, archiveUrl, captureTimestamp, requestedTimestamp,
                captureNote, source, fetchedAt, changedAt, httpStatus, contentType, charset, byteLength, contentLength,
                previewLength, truncated, contentHash, textWarning, at, error, consecutiveFailures + 1, textLength, pageTextLength,
                null, saveRequestedAt);
    }

    /** This entry with a save asked for at {@code at}: {@code job} while it is pending, else null. */
    public EntryMeta withSave(String job, Instant at) {
        return new EntryMeta(schemaVersion, id, url, stableId, title, archiveUrl, captureTimestamp, requestedTimestamp,
                captureNote, source, fetchedAt, changedAt, httpStatus, contentType, charset, byteLength, contentLength,
                previewLength, truncated, contentHash, textWarning, lastAttemptAt, lastError, consecutiveFailures, textLength,
                pageTextLength, job, at);
    }

    /** A resource's first attempt, failed. */
    public static EntryMeta firstFailure(String id, String url, String stableId, Instant at, String error) {
        return new EntryMeta(SCHEMA_VERSION, id, url, stableId, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, at, error, 1, null, null, null, null);
    }
}
