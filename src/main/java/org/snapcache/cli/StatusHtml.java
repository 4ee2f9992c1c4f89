package org.snapcache.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.Freshness;
import org.snapcache.cache.StatusReport;
import org.snapcache.cache.StatusRow;

/**
 * {@code status --html}: one self-contained page (no script, no file or font from elsewhere, so
 * it opens offline and can be mailed) with the summary, a chart of preview ages and of states,
 * the failing resources with their errors, and the whole table.
 */
final class StatusHtml {

    /** Bands of preview age the chart counts. */
    private static final long[] AGE_DAYS = {1, 7, 30, 90, 365};
    private static final String[] AGE_LABELS = {"under 1 day", "1-7 days", "7-30 days", "30-90 days", "90-365 days",
        "over a year"};
    private static final Map<Freshness, String> COLOURS = new EnumMap<>(Map.of(
            Freshness.FRESH, "#2e7d32", Freshness.STALE, "#f9a825", Freshness.FAILED, "#c62828",
            Freshness.MISSING, "#78909c", Freshness.ORPHANED, "#8e24aa", Freshness.CORRUPT, "#4e342e",
            Freshness.INVALID, "#d84315"));

    private StatusHtml() {}

    static String page(StatusReport report, List<StatusRow> rows, Instant now, String configName) {
        Map<Freshness, Integer> counts = report.counts();
        StringBuilder html = new StringBuilder(4096 + rows.size() * 200);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>snapcache status: ")
                .append(escape(configName)).append("</title>\n<style>\n")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}")
                .append("table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}")
                .append(".n{text-align:right}.d{white-space:nowrap}.state{font-weight:600}")
                .append("</style></head><body>\n");
        html.append("<h1>snapcache status</h1>\n<p id=\"summary\">").append(escape(configName)).append(" at ")
                .append(escape(Formats.minute(now))).append(" UTC: ").append(report.rows().size()).append(" entries");
        for (Freshness state : Freshness.values()) {
            html.append(", ").append(counts.getOrDefault(state, 0)).append(' ').append(state.label());
        }
        html.append(".<br>").append(escape(StatusCommand.ages(report, now))).append("</p>\n");

        html.append("<h2>States</h2>\n").append(chart(counts(counts), report.rows().size(), true));
        html.append("<h2>Preview ages</h2>\n").append(chart(ages(report, now), report.rows().size(), false));

        List<StatusRow> failing = rows.stream().filter(row -> row.state() == Freshness.FAILED || row.state() == Freshness.CORRUPT
                || row.state() == Freshness.INVALID || row.meta().map(EntryMeta::lastError).isPresent()).toList();
        html.append("<h2>Failing (").append(failing.size()).append(")</h2>\n");
        if (failing.isEmpty()) {
            html.append("<p>Nothing is failing.</p>\n");
        } else {
            html.append("<table id=\"failing\"><tr><th>id</th><th>state</th><th>failures</th><th>URL</th><th>last error</th></tr>\n");
            for (StatusRow row : failing) {
                EntryMeta meta = row.meta().orElse(null);
                html.append("<tr><td>").append(escape(row.id())).append("</td><td class=\"state\">").append(row.state().label())
                        .append("</td><td class=\"n\">").append(meta == null ? "" : meta.consecutiveFailures()).append("</td><td>")
                        .append(link(row.url())).append("</td><td>")
                        .append(escape((row.state() == Freshness.INVALID ? row.source().orElse("") + ": " : "") + row.error().orElse("")))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }

        html.append("<h2>All entries</h2>\n<table id=\"entries\"><tr><th>id</th><th>state</th><th>HTTP</th><th>fetched</th>")
                .append("<th>age</th><th>URL</th><th>title</th><th>stable id</th></tr>\n");
        for (StatusRow row : rows) {
            EntryMeta meta = row.meta().orElse(null);
            boolean fetched = meta != null && meta.hasPreview();
            html.append("<tr><td>").append(escape(row.id())).append("</td><td class=\"state\" style=\"color:")
                    .append(COLOURS.get(row.state())).append("\">").append(row.state().label()).append("</td><td class=\"n\">")
                    .append(fetched ? meta.httpStatus() : "").append("</td><td class=\"d\">").append(fetched ? Formats.day(meta.fetchedAt()) : "")
                    .append("</td><td class=\"n\">").append(fetched ? Formats.age(meta.fetchedAt(), now) : "").append("</td><td>")
                    .append(link(row.url())).append("</td><td>").append(escape(row.title().orElse("")))
                    .append("</td><td>").append(escape(row.stableId().orElse(""))).append("</td></tr>\n");
        }
        html.append("</table>\n<p>Written by snapcache status --html.</p>\n</body></html>\n");
        return html.toString();
    }

    private static Map<String, Integer> counts(Map<Freshness, Integer> counts) {
        Map<String, Integer> bars = new java.util.LinkedHashMap<>();
        for (Freshness state : Freshness.values()) {
            bars.put(state.label(), counts.getOrDefault(state, 0));
        }
        return bars;
    }

    private static Map<String, Integer> ages(StatusReport report, Instant now) {
        int[] bands = new int[AGE_LABELS.length];
        for (StatusRow row : report.rows()) {
            row.meta().map(EntryMeta::fetchedAt).ifPresent(at -> {
                long days = Duration.between(at, now).toDays();
                int band = 0;
                while (band < AGE_DAYS.length && days >= AGE_DAYS[band]) {
                    band++;
                }
                bands[band]++;
            });
        }
        Map<String, Integer> bars = new java.util.LinkedHashMap<>();
        for (int i = 0; i < bands.length; i++) {
            bars.put(AGE_LABELS[i], bands[i]);
        }
        return bars;
    }

    /** A horizontal bar chart drawn in inline SVG, one bar a label. */
    private static String chart(Map<String, Integer> bars, int total, boolean stateColours) {
        int height = 22 * bars.size() + 4;
        StringBuilder svg = new StringBuilder("<svg role=\"img\" width=\"640\" height=\"" + height + "\" viewBox=\"0 0 640 " + height
                + "\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        int y = 2;
        for (Map.Entry<String, Integer> bar : bars.entrySet()) {
            int width = total == 0 ? 0 : (int) Math.round(400.0 * bar.getValue() / total);
            String colour = stateColours ? COLOURS.get(Freshness.valueOf(bar.getKey().toUpperCase(java.util.Locale.ROOT))) : "#1565c0";
            svg.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"13\">").append(escape(bar.getKey())).append("</text>")
                    .append("<rect x=\"110\" y=\"").append(y).append("\" width=\"").append(width).append("\" height=\"16\" fill=\"")
                    .append(colour).append("\"/>")
                    .append("<text x=\"").append(116 + width).append("\" y=\"").append(y + 14).append("\" font-size=\"13\">")
                    .append(bar.getValue()).append("</text>\n");
            y += 22;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String link(String url) {
        if (url.isEmpty()) {
            return "";
        }
        // only web addresses become links; anything else (javascript:, data:) is shown as text
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
        }
        return escape(url);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
