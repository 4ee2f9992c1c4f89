package org.snapcache.archive;

import java.util.Objects;
import java.util.Optional;

/**
 * What was read for a resource, and where from.
 *
 * @param archiveUrl the exact URL the content was finally read from
 * @param source {@code archive} or {@code live}
 * @param requestedTimestamp the timestamp asked for (the pinned one, or "now"); for a live read, when it was read
 * @param captureTimestamp the 14-digit timestamp of the capture served; for a live read, when it was read
 * @param note why this capture rather than the nearest one, when snapcache chose another
 * @param httpStatus the original site's status at capture time (or now, for a live read)
 * @param mediaType the content type without parameters, lower case ({@code text/html}); empty when none was given
 * @param charset the charset the response declared, if any
 */
public record Capture(
        String archiveUrl,
        String source,
        String requestedTimestamp,
        String captureTimestamp,
        Optional<String> note,
        int httpStatus,
        String mediaType,
        Optional<String> charset,
        byte[] body) {

    public static final String ARCHIVE = "archive";
    public static final String LIVE = "live";

    public Capture {
        Objects.requireNonNull(archiveUrl, "archiveUrl");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(requestedTimestamp, "requestedTimestamp");
        Objects.requireNonNull(captureTimestamp, "captureTimestamp");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(body, "body");
    }

    /** This capture, chosen for a reason. */
    public Capture noted(String why) {
        return new Capture(archiveUrl, source, requestedTimestamp, captureTimestamp, Optional.of(why), httpStatus, mediaType,
                charset, body);
    }

    /** This capture, as the answer to a request for {@code timestamp}. */
    public Capture requested(String timestamp) {
        return new Capture(archiveUrl, source, timestamp, captureTimestamp, note, httpStatus, mediaType, charset, body);
    }
}
