package org.snapcache.pipeline;

import java.util.Objects;
import java.util.Optional;
import org.snapcache.cache.EntryMeta;
import org.snapcache.config.Resource;

/**
 * How one resource's refresh went.
 *
 * @param meta the entry as stored afterwards, when it could be stored
 * @param changed whether the extracted text differs from the previous preview's (or there was none)
 * @param error the one-line reason of a failure
 */
public record RefreshOutcome(Resource resource, Optional<EntryMeta> meta, boolean changed, Optional<String> error) {

    public RefreshOutcome {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(error, "error");
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
