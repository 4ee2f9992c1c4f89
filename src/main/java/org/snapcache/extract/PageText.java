package org.snapcache.extract;

import java.util.Objects;
import java.util.Optional;

/**
 * The readable text of a fetched resource.
 *
 * @param charset the charset the bytes were decoded with, if they were text
 * @param textual false for an image, audio, video, archive or other binary: no text, no preview
 * @param warning what a reader of the text should know about it, such as that only part of the
 *     page was read
 * @param wholePage for an HTML page read for its whole text, the text of all it shows, the
 *     main text's surroundings too (captions, lists, asides), to check quotes against
 */
public record PageText(Optional<String> title, String text, Optional<String> charset, boolean textual, Optional<String> warning,
        Optional<String> wholePage) {

    public PageText(Optional<String> title, String text, Optional<String> charset) {
        this(title, text, charset, true, Optional.empty(), Optional.empty());
    }

    /** What a binary resource yields: no text at all. */
    public static PageText binary() {
        return new PageText(Optional.empty(), "", Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    PageText withWarning(String why) {
        return new PageText(title, text, charset, textual, Optional.of(why), wholePage);
    }

    public PageText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(wholePage, "wholePage");
    }
}
