package org.snapcache.archive;

/** The archive gave no usable capture of a resource; the message is the one-line {@code lastError}. */
public final class ArchiveException extends Exception {

    /**
     * Why there was no capture. {@code HOST_STOPPED} and {@code INTERRUPTED} are not the
     * resource's fault: the run stopped asking the archive (rate limited or down) or was itself
     * stopped, and the resource waits for the next run.
     */
    public enum Kind { NOT_ARCHIVED, EXCLUDED, BLOCKED, ARCHIVE_ERROR, REDIRECT, UNREADABLE, HOST_STOPPED, INTERRUPTED;

        /** Whether the failure says nothing about the resource and should not be recorded against it. */
        public boolean defers() {
            return this == HOST_STOPPED || this == INTERRUPTED;
        }
    }

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
