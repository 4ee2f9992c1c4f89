package org.snapcache.archive;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snapcache.config.ArchiveSettings;
import org.snapcache.config.Resource;

/**
 * Chooses the capture a preview is made from. Each archive is asked in turn for the capture
 * nearest the pinned timestamp or "now"; the next is asked when one has no capture, excludes or
 * blocks the URL, or is down. When the nearest capture is an error page (captured 4xx/5xx) or a
 * redirect that leads nowhere, and the resource is not pinned, the archive's CDX server is asked
 * for the nearest capture whose status was 200, and the choice is noted. Failing all archives, a
 * live read when {@code live-fallback} allows it.
 */
public final class CaptureSelector {

    private static final int CDX_CANDIDATES = 10;

    private final ArchiveFetcher fetcher;
    private final CdxClient cdx;
    private final Optional<LiveFetcher> live;
    private final ArchiveSettings archives;
    private final Clock clock;

    public CaptureSelector(ArchiveFetcher fetcher, CdxClient cdx, Optional<LiveFetcher> live, ArchiveSettings archives, Clock clock) {
        this.fetcher = fetcher;
        this.cdx = cdx;
        this.live = live;
        this.archives = archives;
        this.clock = clock;
    }

    public Capture select(Resource resource) throws ArchiveException {
        boolean pinned = resource.archivedAt().isPresent();
        String requested = resource.archivedAt().orElseGet(() -> Timestamps.of(clock.instant()));
        List<ArchiveException> failures = new ArrayList<>();
        for (String base : archives.baseUrls()) {
            try {
                Capture nearest = fetcher.fetch(base, requested, resource.fetchUrl()).requested(requested);
                if (nearest.httpStatus() >= 400 && archives.preferOkCapture() && !pinned) {
                    String why = "nearest capture " + nearest.captureTimestamp() + " was HTTP " + nearest.httpStatus();
                    return okCapture(base, resource, requested, nearest.captureTimestamp(), why).orElse(nearest);
                }
                return nearest;
            } catch (ArchiveException e) {
                if (e.kind() == ArchiveException.Kind.REDIRECT && archives.preferOkCapture() && !pinned) {
                    Optional<Capture> ok = okCapture(base, resource, requested, "", "nearest capture is a redirect that leads nowhere ("
                            + e.getMessage() + ")");
                    if (ok.isPresent()) {
                        return ok.get();
                    }
                }
                if (e.kind() == ArchiveException.Kind.INTERRUPTED || e.kind() == ArchiveException.Kind.UNREADABLE) {
                    throw e;
                }
                failures.add(e);
            }
        }
        if (failures.stream().anyMatch(f -> f.kind().defers())) {
            throw failures.stream().filter(f -> f.kind().defers()).findFirst().orElseThrow();
        }
        if (live.isPresent()) {
            try {
                return live.get().fetch(resource.fetchUrl()).noted("no archive had a usable capture ("
                        + failures.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")) + "); read live");
            } catch (ArchiveException e) {
                failures.add(e);
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        ArchiveException first = failures.get(0);
        throw new ArchiveException(first.kind(), first.url(),
                failures.stream().map(Throwable::getMessage).collect(Collectors.joining("; ")), first);
    }

    /** The capture nearest {@code requested} whose status was 200, from the archive's CDX server, if there is one. */
    private Optional<Capture> okCapture(String base, Resource resource, String requested, String notThis, String why)
            throws ArchiveException {
        List<CdxCapture> candidates;
        try {
            candidates = cdx.captures(base, resource.fetchUrl(), new CdxClient.Query(Optional.empty(), Optional.empty(),
                    CDX_CANDIDATES, true, Optional.of(requested)));
        } catch (ArchiveException e) {
            if (e.kind().defers()) {
                throw e;
            }
            return Optional.empty();
        }
        candidates = candidates.stream().filter(c -> !c.timestamp().equals(notThis) && "200".equals(c.status())).toList();
        Optional<CdxCapture> best = CdxClient.nearest(candidates, requested);
        if (best.isEmpty()) {
            return Optional.empty();
        }
        try {
            Capture capture = fetcher.fetch(base, best.get().timestamp(), best.get().original()).requested(requested);
            if (capture.httpStatus() != 200) {
                return Optional.empty();
            }
            return Optional.of(capture.noted(why + "; used the nearest HTTP 200 capture, " + capture.captureTimestamp()));
        } catch (ArchiveException e) {
            if (e.kind().defers()) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
