package org.snapcache.archive;

import java.util.Objects;
import java.util.Optional;

/**
 * What the archive served for a resource.
 *
 * @param archiveUrl the exact URL the content was finally read from
 * @param captureTimestamp the 14-digit timestamp of the capture served
 * @param httpStatus the original site's status at capture time
 * @param mediaType the content type without parameters, lower case ({@code text/html})
 * @param charset the charset the archive declared, if any
 */
public record Capture(
        String archiveUrl,
        String captureTimestamp,
        int httpStatus,
        String mediaType,
        Optional<String> charset,
        byte[] body) {

    public Capture {
        Objects.requireNonNull(archiveUrl, "archiveUrl");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(body, "body");
    }
}
