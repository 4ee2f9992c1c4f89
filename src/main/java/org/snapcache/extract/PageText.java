package org.snapcache.extract;

import java.util.Objects;
import java.util.Optional;

/**
 * The readable text of a fetched resource.
 *
 * @param charset the charset the bytes were decoded with, if they were text
 */
public record PageText(Optional<String> title, String text, Optional<String> charset) {

    public PageText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
    }
}
