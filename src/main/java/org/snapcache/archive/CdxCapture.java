package org.snapcache.archive;

import java.util.Objects;

/** One line of a CDX server's answer: a capture of a URL. */
public record CdxCapture(String timestamp, String original, String mimeType, String status, String length) {

    public CdxCapture {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(original, "original");
    }
}
