package org.snapcache.extract;

import java.util.Objects;
import java.util.Optional;

/**
 * The readable text of a fetched resource.
 *
 * @param charset the charset the bytes were decoded with, if they were text
 * @param textual false for an image, audio, video, archive or other binary: no text, no preview
 */
public record PageText(Optional<String> title, String text, Optional<String> charset, boolean textual) {

    public PageText(Optional<String> title, String text, Optional<String> charset) {
        this(title, text, charset, true);
    }

    /** What a binary resource yields: no text at all. */
    public static PageText binary() {
        return new PageText(Optional.empty(), "", Optional.empty(), false);
    }

    public PageText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
    }
}
