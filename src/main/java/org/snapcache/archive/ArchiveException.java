package org.snapcache.archive;

/** The archive gave no usable capture of a resource; the message is the one-line {@code lastError}. */
public final class ArchiveException extends Exception {

    /** Why there was no capture. */
    public enum Kind { NOT_ARCHIVED, ARCHIVE_ERROR, REDIRECT, UNREADABLE }

    private final Kind kind;
    private final String url;

    public ArchiveException(Kind kind, String url, String message) {
        super(message);
        this.kind = kind;
        this.url = url;
    }

    public ArchiveException(Kind kind, String url, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.url = url;
    }

    public Kind kind() {
        return kind;
    }

    /** The archive URL that was being read. */
    public String url() {
        return url;
    }
}
