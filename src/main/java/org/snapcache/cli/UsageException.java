package org.snapcache.cli;

/** An option's value that cannot be used (a file that cannot be written): a one-line error and exit code 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
