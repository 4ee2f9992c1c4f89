package org.snapcache.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snapcache.cache.Freshness;
import org.snapcache.cache.RetrySchedule;
import org.snapcache.cache.StatusReport;
import org.snapcache.cache.StatusRow;
import org.snapcache.config.Resource;

/**
 * What tonight's run fetches: every catalogue resource that is missing or corrupt, stale, or
 * failed and due for its retry.
 *
 * @param due the resources to fetch, in catalogue order
 * @param fresh how many are fresh and skipped
 * @param waiting how many are failing and wait for their next retry
 */
public record RunPlan(List<Resource> due, int fresh, int waiting) {

    public RunPlan {
        due = List.copyOf(due);
    }

    /** @param retryFailed whether failing resources are tried whatever their retry pause */
    public static RunPlan of(List<Resource> catalogue, StatusReport report, Instant now, Duration maxAge, boolean retryFailed) {
        Map<String, StatusRow> rows = new HashMap<>();
        report.rows().forEach(row -> rows.put(row.id(), row));
        List<Resource> due = new ArrayList<>();
        int fresh = 0;
        int waiting = 0;
        for (Resource resource : catalogue) {
            StatusRow row = rows.get(resource.id());
            Freshness state = row == null ? Freshness.MISSING : row.state();
            boolean retryDue = retryFailed || row == null || row.meta().map(m -> RetrySchedule.isDue(m, now, maxAge)).orElse(true);
            if (state == Freshness.FRESH) {
                fresh++;
            } else if ((state == Freshness.STALE || state == Freshness.FAILED) && !retryDue) {
                waiting++;
            } else {
                due.add(resource);
            }
        }
        return new RunPlan(due, fresh, waiting);
    }
}
