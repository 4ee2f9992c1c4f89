package org.snapcache.extract;

/** Content that cannot be turned into text: an unsupported type, a damaged or encrypted PDF. */
public final class ExtractionException extends Exception {

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
