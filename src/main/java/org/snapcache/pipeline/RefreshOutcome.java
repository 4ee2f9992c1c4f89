package org.snapcache.pipeline;

import java.util.Objects;
import java.util.Optional;
import org.snapcache.cache.EntryMeta;
import org.snapcache.config.Resource;

/**
 * How one resource's refresh went.
 *
 * @param meta the entry as stored afterwards, when there is one
 * @param changed whether the extracted text differs from the previous preview's
 * @param first whether this is the resource's first preview
 * @param error the one-line reason of a failure, or why the resource was deferred
 */
public record RefreshOutcome(Resource resource, Status status, Optional<EntryMeta> meta, boolean changed, boolean first,
        Optional<String> error) {

    /** What became of the resource. */
    public enum Status {
        /** fetched and stored */
        REFRESHED,
        /** the attempt failed and was recorded in meta.json */
        FAILED,
        /** not attempted, through no fault of its own (the archive was left alone, the run was stopped); nothing recorded */
        DEFERRED
    }

    public RefreshOutcome {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(error, "error");
    }

    static RefreshOutcome deferred(Resource resource, String why) {
        return new RefreshOutcome(resource, Status.DEFERRED, Optional.empty(), false, false, Optional.of(why));
    }

    public boolean succeeded() {
        return status == Status.REFRESHED;
    }
}
