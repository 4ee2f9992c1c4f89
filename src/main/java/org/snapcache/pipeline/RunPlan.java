package org.snapcache.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.Freshness;
import org.snapcache.cache.RetrySchedule;
import org.snapcache.cache.StatusReport;
import org.snapcache.cache.StatusRow;
import org.snapcache.config.Resource;

/**
 * What tonight's run fetches: every catalogue resource that is missing or corrupt, stale, or
 * failed and due for its retry.
 *
 * @param due the resources to fetch, in catalogue order (oldest first when limited)
 * @param fresh how many are fresh and skipped
 * @param waiting how many are failing and wait for their next retry
 * @param reasons why each due resource is due, by id
 * @param overLimit how many more were due than {@code --limit} allowed
 */
public record RunPlan(List<Resource> due, int fresh, int waiting, Map<String, String> reasons, int overLimit) {

    public RunPlan {
        due = List.copyOf(due);
        reasons = Map.copyOf(reasons);
    }

    /** The resources named on a command line: due because they were asked for. */
    public static RunPlan asked(List<Resource> resources) {
        Map<String, String> reasons = new HashMap<>();
        resources.forEach(resource -> reasons.put(resource.id(), "asked for"));
        return new RunPlan(resources, 0, 0, reasons, 0);
    }

    /**
     * The archive requests a fetch of {@code resource} costs: two for a latest capture (the
     * redirect to the nearest capture, then the capture), one for a pin to an exact 14-digit capture.
     */
    public static int requests(Resource resource) {
        return resource.archivedAt().filter(ts -> ts.length() == 14).isPresent() ? 1 : 2;
    }

    /** Why a due resource is due: missing, corrupt, stale (with its age), failed and due to retry. */
    public String reason(Resource resource) {
        return reasons.getOrDefault(resource.id(), "due");
    }

    /**
     * At most {@code limit} of the due resources, oldest preview first (a resource never fetched,
     * or corrupt, before any other), the catalogue's order between equals.
     */
    public RunPlan limitedTo(int limit, StatusReport report) {
        Map<String, Instant> fetched = new HashMap<>();
        report.rows().forEach(row -> row.meta().map(EntryMeta::fetchedAt).ifPresent(at -> fetched.put(row.id(), at)));
        List<Resource> oldestFirst = new ArrayList<>(due);
        oldestFirst.sort(Comparator.comparing((Resource resource) -> fetched.getOrDefault(resource.id(), Instant.MIN)));
        int kept = Math.min(limit, oldestFirst.size());
        return new RunPlan(oldestFirst.subList(0, kept), fresh, waiting, reasons, overLimit + oldestFirst.size() - kept);
    }

    /** @param retryFailed whether failing resources are tried whatever their retry pause */
    public static RunPlan of(List<Resource> catalogue, StatusReport report, Instant now, Duration maxAge, boolean retryFailed) {
        Map<String, StatusRow> rows = new HashMap<>();
        report.rows().forEach(row -> rows.put(row.id(), row));
        List<Resource> due = new ArrayList<>();
        Map<String, String> reasons = new HashMap<>();
        int fresh = 0;
        int waiting = 0;
        for (Resource resource : catalogue) {
            StatusRow row = rows.get(resource.id());
            Freshness state = row == null ? Freshness.MISSING : row.state();
            // a pending save is checked at the next run, whatever the retry pause
            boolean retryDue = retryFailed || row == null
                    || row.meta().map(m -> m.saveJob() != null || RetrySchedule.isDue(m, now, maxAge)).orElse(true);
            if (state == Freshness.FRESH) {
                fresh++;
            } else if ((state == Freshness.STALE || state == Freshness.FAILED) && !retryDue) {
                waiting++;
            } else {
                due.add(resource);
                reasons.put(resource.id(), reason(state, row, now));
            }
        }
        return new RunPlan(due, fresh, waiting, reasons, 0);
    }

    private static String reason(Freshness state, StatusRow row, Instant now) {
        return switch (state) {
            case STALE -> row.meta().filter(meta -> Freshness.fromTheFuture(meta, now))
                    .map(meta -> "stale: fetchedAt " + meta.fetchedAt() + " is in the future (a wrong clock or a hand edit)")
                    .orElseGet(() -> "stale: fetched " + row.meta().map(EntryMeta::fetchedAt)
                            .map(at -> Duration.between(at, now).toDays() + " days ago").orElse("long ago"));
            case FAILED -> row.meta().filter(meta -> meta.saveJob() != null)
                    .map(meta -> "save pending since " + meta.saveRequestedAt() + ": Save Page Now job " + meta.saveJob() + " to check")
                    .orElseGet(() -> "failed " + row.meta().map(EntryMeta::consecutiveFailures).orElse(1) + " times, due to retry");
            case CORRUPT -> "corrupt: " + row.problem().orElse("unreadable");
            default -> state.label();
        };
    }
}
