package org.snapcache.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.snapcache.archive.ArchiveException;
import org.snapcache.archive.CaptureSelector;
import org.snapcache.archive.ReplayPages;
import org.snapcache.archive.Capture;
import org.snapcache.cache.CacheStore;
import org.snapcache.cache.CachedEntry;
import org.snapcache.cache.CorruptEntryException;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.RetrySchedule;
import org.snapcache.config.Resource;
import org.snapcache.extract.ContentExtractor;
import org.snapcache.extract.ExtractionException;
import org.snapcache.extract.PageText;
import org.snapcache.extract.PreviewCutter;

/**
 * Takes one resource through fetch, extract and cache. A failure is recorded in meta.json and
 * never replaces a good preview.
 */
public final class ResourceRefresher {

    private final CaptureSelector selector;
    private final ContentExtractor extractor;
    private final PreviewCutter cutter;
    private final int fullTextChars;
    private final CacheStore store;
    private final Clock clock;
    private final Optional<Duration> savesWithin;

    /**
     * @param fullTextChars the most characters of the whole text kept in text.txt; 0 to keep previews only
     * @param savesWithin when the archive may be asked to save what it has no capture of, the
     *     {@code max-age} that bounds the retry pauses within which it is not asked twice
     */
    public ResourceRefresher(CaptureSelector selector, ContentExtractor extractor, PreviewCutter cutter, int fullTextChars,
            CacheStore store, Clock clock, Optional<Duration> savesWithin) {
        this.selector = selector;
        this.extractor = extractor;
        this.cutter = cutter;
        this.fullTextChars = fullTextChars;
        this.store = store;
        this.clock = clock;
        this.savesWithin = savesWithin;
    }

    /** A refresher that keeps previews only. */
    public ResourceRefresher(CaptureSelector selector, ContentExtractor extractor, PreviewCutter cutter, CacheStore store,
            Clock clock) {
        this(selector, extractor, cutter, 0, store, clock, Optional.empty());
    }

    /**
     * A resource read from the archive, or the outcome that ended it there; or, when the archive
     * has no capture and may be asked to save it, why there is none ({@code notArchived}).
     */
    public record Fetched(Resource resource, Optional<EntryMeta> previous, Instant now, Optional<Capture> capture,
            Optional<RefreshOutcome> outcome, Optional<String> notArchived) {

        Fetched(Resource resource, Optional<EntryMeta> previous, Instant now, Optional<Capture> capture, Optional<RefreshOutcome> outcome) {
            this(resource, previous, now, capture, outcome, Optional.empty());
        }
    }

    public RefreshOutcome refresh(Resource resource) {
        return complete(fetch(resource));
    }

    /** The network half of a refresh: the capture, or the failure recorded (or deferral) when there is none. */
    public Fetched fetch(Resource resource) {
        Optional<EntryMeta> previous = previous(resource);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            return new Fetched(resource, previous, now, Optional.of(selector.select(resource)), Optional.empty());
        } catch (ArchiveException e) {
            if (e.kind() == ArchiveException.Kind.NOT_ARCHIVED && savesWithin.isPresent()) {
                Optional<Instant> notBefore = RetrySchedule.nextSave(previous, savesWithin.get()).filter(now::isBefore);
                if (notBefore.isEmpty()) {
                    return new Fetched(resource, previous, now, Optional.empty(), Optional.empty(), Optional.of(e.getMessage()));
                }
                return new Fetched(resource, previous, now, Optional.empty(), Optional.of(recordFailure(resource, previous, now,
                        e.getMessage() + "; a save was asked for at " + previous.get().saveRequestedAt() + ", the next not before "
                        + notBefore.get(), meta -> meta)));
            }
            RefreshOutcome outcome = e.kind().defers() ? RefreshOutcome.deferred(resource, e.getMessage())
                    : recordFailure(resource, previous, now, e.getMessage());
            return new Fetched(resource, previous, now, Optional.empty(), Optional.of(outcome));
        } catch (RuntimeException | Error e) {
            return new Fetched(resource, previous, now, Optional.empty(), Optional.of(unexpected(resource, previous, now, e)));
        }
    }

    /**
     * A resource the archive had no capture of, once the save asked for it is done (its capture is
     * read as a pin to the new timestamp), has failed, is still pending when the run ends, or was
     * never asked for (the run was stopped, the archive asked to wait).
     */
    public Fetched saved(Fetched fetched, Saves.Result save) {
        Resource resource = fetched.resource();
        Optional<EntryMeta> previous = fetched.previous();
        Instant now = fetched.now();
        if (save.kind() == Saves.Kind.SAVED) {
            Resource pinned = new Resource(resource.id(), resource.url(), resource.title(), resource.type(), resource.stableId(),
                    Optional.of(save.timestamp()), resource.source());
            try {
                Capture capture = selector.select(pinned).noted("captured at snapcache's request (Save Page Now job "
                        + save.job() + ", asked for at " + save.requestedAt() + ")");
                return new Fetched(resource, previous, now, Optional.of(capture), Optional.empty());
            } catch (ArchiveException e) {
                return new Fetched(resource, previous, now, Optional.empty(), Optional.of(e.kind().defers()
                        ? RefreshOutcome.deferred(resource, e.getMessage())
                        : recordFailure(resource, previous, now, "saved as " + save.timestamp() + ", but " + e.getMessage())));
            } catch (RuntimeException | Error e) {
                return new Fetched(resource, previous, now, Optional.empty(), Optional.of(unexpected(resource, previous, now, e)));
            }
        }
        RefreshOutcome outcome = switch (save.kind()) {
            case FAILED -> recordFailure(resource, previous, now, "save failed: " + save.reason(),
                    meta -> meta.withSave(null, save.requestedAt()));
            case PENDING -> recordFailure(resource, previous, now, fetched.notArchived().orElse("not archived")
                    + "; save pending: Save Page Now job " + save.job() + " asked for at " + save.requestedAt(),
                    meta -> meta.withSave(save.job(), save.requestedAt()));
            default -> RefreshOutcome.deferred(resource, save.reason());
        };
        return new Fetched(resource, previous, now, Optional.empty(), Optional.of(outcome));
    }

    /** The processing half of a refresh: text, preview and cache entry from the capture. */
    public RefreshOutcome complete(Fetched fetched) {
        if (fetched.outcome().isPresent()) {
            return fetched.outcome().get();
        }
        Resource resource = fetched.resource();
        Optional<EntryMeta> previous = fetched.previous();
        Instant now = fetched.now();
        Capture capture = fetched.capture().orElseThrow();
        PageText page;
        try {
            page = extractor.extract(capture, ReplayPages::clean);
        } catch (ExtractionException e) {
            return recordFailure(resource, previous, now, e.getMessage());
        } catch (RuntimeException | Error e) {
            return unexpected(resource, previous, now, e);
        }
        String text = page.text();
        String preview = cutter.cut(text);
        int contentLength = text.codePointCount(0, text.length());
        int previewLength = preview.codePointCount(0, preview.length());
        String hash = CacheStore.hash(text);
        Optional<String> kept = fullTextChars == 0 || !page.textual() ? Optional.empty() : Optional.of(capped(text, contentLength));
        // the whole page's text, when it says more than the main text
        Optional<String> pageText = kept.isEmpty() ? Optional.empty() : page.wholePage().filter(all -> !all.equals(text));
        int pageLength = pageText.map(all -> all.codePointCount(0, all.length())).orElse(0);
        Optional<String> wholePage = pageText.map(all -> capped(all, pageLength));
        boolean first = previous.map(p -> p.contentHash() == null).orElse(true);
        boolean changed = !first && !hash.equals(previous.get().contentHash());
        Instant changedAt = first || changed ? now : previous.get().changedAt();
        EntryMeta meta = new EntryMeta(EntryMeta.SCHEMA_VERSION, resource.id(), resource.url(),
                resource.stableId().orElse(null), page.title().orElse(null), capture.archiveUrl(), capture.captureTimestamp(),
                capture.requestedTimestamp(), capture.note().orElse(null), capture.source(), now, changedAt, capture.httpStatus(),
                capture.mediaType().isEmpty() ? null : capture.mediaType(), page.charset().orElse(null),
                (long) capture.body().length, contentLength, previewLength, contentLength > previewLength, hash,
                page.warning().or(() -> textWarning(text)).orElse(null), now, null, 0,
                kept.map(k -> Math.min(contentLength, fullTextChars)).orElse(null),
                wholePage.map(all -> Math.min(pageLength, fullTextChars)).orElse(null), null, null);
        try {
            store.writeSuccess(meta, preview, kept, wholePage);
        } catch (IOException e) {
            return new RefreshOutcome(resource, RefreshOutcome.Status.FAILED, previous, false, false,
                    Optional.of("cannot write the cache entry: " + e.getMessage()));
        }
        return new RefreshOutcome(resource, RefreshOutcome.Status.REFRESHED, Optional.of(meta), changed, first, Optional.empty());
    }

    /** The text, of {@code length} code points, cut to {@code full-text-chars}. */
    private String capped(String text, int length) {
        return length <= fullTextChars ? text : text.substring(0, text.offsetByCodePoints(0, fullTextChars));
    }

    /**
     * Any error while handling one resource, even running out of memory, is that resource's
     * recorded failure: what it held is garbage by now, and the others go on.
     */
    private RefreshOutcome unexpected(Resource resource, Optional<EntryMeta> previous, Instant now, Throwable e) {
        return recordFailure(resource, previous, now, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** Records {@code why} as the resource's failure, for a reason found outside a refresh. */
    public RefreshOutcome recordFailure(Resource resource, String why) {
        return recordFailure(resource, previous(resource), clock.instant().truncatedTo(ChronoUnit.SECONDS), why);
    }

    /** The recorded failure of a resource whose handling failed outside {@link #fetch} and {@link #complete}. */
    RefreshOutcome failed(Resource resource, Throwable e) {
        return unexpected(resource, previous(resource), clock.instant().truncatedTo(ChronoUnit.SECONDS), e);
    }

    /** Many U+FFFD replacement characters: the bytes were probably decoded with the wrong charset. */
    static Optional<String> textWarning(String text) {
        long replacements = text.chars().filter(c -> c == '\uFFFD').count();
        if (replacements >= 5 && replacements * 200 >= text.length()) {
            return Optional.of(replacements + " replacement characters (U+FFFD): the page's charset may be wrong");
        }
        return Optional.empty();
    }

    /** The entry as it is; a corrupt one counts as none, so that a success replaces it. */
    private Optional<EntryMeta> previous(Resource resource) {
        try {
            return store.read(resource.id()).map(CachedEntry::meta);
        } catch (CorruptEntryException e) {
            return Optional.empty();
        }
    }

    private RefreshOutcome recordFailure(Resource resource, Optional<EntryMeta> previous, Instant now, String error) {
        return recordFailure(resource, previous, now, error, meta -> meta);
    }

    /** @param also what else to record with the failure (a save asked for) */
    private RefreshOutcome recordFailure(Resource resource, Optional<EntryMeta> previous, Instant now, String error,
            java.util.function.UnaryOperator<EntryMeta> also) {
        String oneLine = error == null ? "unknown error" : error.lines().findFirst().orElse(error);
        EntryMeta meta = also.apply(previous.map(p -> p.failed(now, oneLine))
                .orElseGet(() -> EntryMeta.firstFailure(resource.id(), resource.url(), resource.stableId().orElse(null), now, oneLine)));
        try {
            store.writeMeta(meta);
        } catch (IOException e) {
            return new RefreshOutcome(resource, RefreshOutcome.Status.FAILED, previous, false, false,
                    Optional.of(oneLine + "; and cannot record it: " + e.getMessage()));
        }
        return new RefreshOutcome(resource, RefreshOutcome.Status.FAILED, Optional.of(meta), false, false, Optional.of(oneLine));
    }
}
