package org.snapcache.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A catalogue entry that cannot be fetched as written: no usable URL, a bad pin, an unsafe id.
 * It is reported (state {@code invalid}) and counted as a failure, and never blocks the others.
 *
 * @param source where it was declared, {@code file:line}
 * @param id the id it gives, as written, if any
 * @param url the URL it gives, as written, if any
 * @param reason what is wrong with it, one line
 */
public record InvalidEntry(String source, Optional<String> id, Optional<String> url, Optional<String> title,
        Optional<String> stableId, String reason) {

    public InvalidEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(stableId, "stableId");
        Objects.requireNonNull(reason, "reason");
    }

    /** The id to show: the one given, else the one its URL would have, else empty. */
    public Optional<String> shownId() {
        return id.or(() -> url.map(ResourceId::forUrl));
    }

    /**
     * The cache folder this entry would own once fixed, if its id can name one: kept from
     * {@code prune} and not reported as orphaned, so that a typo tonight costs no preview.
     */
    public Optional<String> folder() {
        return shownId().filter(ResourceId::isValid);
    }

    /** What identifies it from one run to the next, to tell a newly invalid entry from a known one. */
    public String key() {
        return url.or(() -> id).orElse(source);
    }

    /** One line for people: {@code file:line: resource URL: reason}. */
    public String describe() {
        return source + ": resource " + url.or(() -> id).orElse("(no url)") + ": " + reason;
    }
}
