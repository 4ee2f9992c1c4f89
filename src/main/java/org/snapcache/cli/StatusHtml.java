package org.snapcache.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.Freshness;
import org.snapcache.cache.StatusReport;
import org.snapcache.cache.StatusRow;

/**
 * {@code status --html}: one self-contained page (no script, no file or font from elsewhere, so
 * it opens offline and can be mailed) with the summary, a chart of states and of preview ages,
 * the failing resources with their errors, and the whole table. Built as a jsoup document, which
 * escapes whatever pages and errors say.
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
    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.4em}"
            + "h2{font-size:1.1em;margin-top:2em}table{border-collapse:collapse}"
            + "td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
            + ".n{text-align:right}.d{white-space:nowrap}.state{font-weight:600}";

    private StatusHtml() {}

    static String page(StatusReport report, List<StatusRow> rows, Instant now, String configName) {
        Document page = Document.createShell("");
        page.outputSettings().prettyPrint(false);
        page.prependChild(new DocumentType("html", "", ""));
        page.title("snapcache status: " + configName);
        page.head().prependElement("meta").attr("charset", "utf-8");
        page.head().appendElement("style").appendChild(new DataNode(STYLE));
        Element body = page.body();
        body.appendElement("h1").text("snapcache status");
        Map<Freshness, Integer> counts = report.counts();
        StringBuilder summary = new StringBuilder(configName + " at " + Formats.minute(now) + " UTC: " + report.rows().size()
                + " entries");
        for (Freshness state : Freshness.values()) {
            summary.append(", ").append(counts.getOrDefault(state, 0)).append(' ').append(state.label());
        }
        Element said = body.appendElement("p").id("summary").text(summary.append('.').toString());
        said.appendElement("br");
        said.appendText(StatusCommand.ages(report, now));

        body.appendElement("h2").text("States");
        Map<String, Integer> states = new LinkedHashMap<>();
        for (Freshness state : Freshness.values()) {
            states.put(state.label(), counts.getOrDefault(state, 0));
        }
        chart(body, states, report.rows().size(), true);
        body.appendElement("h2").text("Preview ages");
        chart(body, ages(report, now), report.rows().size(), false);

        List<StatusRow> failing = rows.stream().filter(row -> row.state() == Freshness.FAILED || row.state() == Freshness.CORRUPT
                || row.state() == Freshness.INVALID || row.meta().map(EntryMeta::lastError).isPresent()).toList();
        body.appendElement("h2").text("Failing (" + failing.size() + ")");
        if (failing.isEmpty()) {
            body.appendElement("p").text("Nothing is failing.");
        } else {
            Element table = body.appendElement("table").id("failing");
            header(table, "id", "state", "failures", "URL", "last error");
            for (StatusRow row : failing) {
                Element tr = table.appendElement("tr");
                tr.appendElement("td").text(row.id());
                tr.appendElement("td").addClass("state").text(row.state().label());
                tr.appendElement("td").addClass("n").text(row.meta().map(m -> String.valueOf(m.consecutiveFailures())).orElse(""));
                link(tr.appendElement("td"), row.url());
                tr.appendElement("td").text((row.state() == Freshness.INVALID ? row.source().orElse("") + ": " : "")
                        + row.error().orElse(""));
            }
        }

        body.appendElement("h2").text("All entries");
        Element table = body.appendElement("table").id("entries");
        header(table, "id", "state", "HTTP", "fetched", "age", "URL", "title", "stable id");
        for (StatusRow row : rows) {
            EntryMeta meta = row.meta().orElse(null);
            boolean fetched = meta != null && meta.hasPreview();
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text(row.id());
            tr.appendElement("td").addClass("state").attr("style", "color:" + COLOURS.get(row.state())).text(row.state().label());
            tr.appendElement("td").addClass("n").text(fetched ? String.valueOf(meta.httpStatus()) : "");
            tr.appendElement("td").addClass("d").text(fetched ? Formats.day(meta.fetchedAt()) : "");
            tr.appendElement("td").addClass("n").text(fetched ? Formats.age(meta.fetchedAt(), now) : "");
            link(tr.appendElement("td"), row.url());
            tr.appendElement("td").text(row.title().orElse(""));
            tr.appendElement("td").text(row.stableId().orElse(""));
        }
        body.appendElement("p").text("Written by snapcache status --html.");
        return SafeOutput.neutralise(page.outerHtml()) + "\n";
    }

    private static void header(Element table, String... names) {
        Element tr = table.appendElement("tr");
        for (String name : names) {
            tr.appendElement("th").text(name);
        }
    }

    /** Web addresses become links; anything else (javascript:, data:) is shown as text. */
    private static void link(Element cell, String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            cell.appendElement("a").attr("href", url).text(url);
        } else {
            cell.text(url);
        }
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
        Map<String, Integer> bars = new LinkedHashMap<>();
        for (int i = 0; i < bands.length; i++) {
            bars.put(AGE_LABELS[i], bands[i]);
        }
        return bars;
    }

    /** A horizontal bar chart drawn in inline SVG, one bar a label. */
    private static void chart(Element parent, Map<String, Integer> bars, int total, boolean stateColours) {
        int height = 22 * bars.size() + 4;
        Element svg = parent.appendElement("svg").attr("role", "img").attr("width", "640").attr("height", String.valueOf(height))
                .attr("viewBox", "0 0 640 " + height).attr("xmlns", "http://www.w3.org/2000/svg");
        int y = 2;
        for (Map.Entry<String, Integer> bar : bars.entrySet()) {
            int width = total == 0 ? 0 : (int) Math.round(400.0 * bar.getValue() / total);
            String colour = stateColours ? COLOURS.get(Freshness.valueOf(bar.getKey().toUpperCase(Locale.ROOT))) : "#1565c0";
            svg.appendElement("text").attr("x", "0").attr("y", String.valueOf(y + 14)).attr("font-size", "13").text(bar.getKey());
            svg.appendElement("rect").attr("x", "110").attr("y", String.valueOf(y)).attr("width", String.valueOf(width))
                    .attr("height", "16").attr("fill", colour);
            svg.appendElement("text").attr("x", String.valueOf(116 + width)).attr("y", String.valueOf(y + 14))
                    .attr("font-size", "13").text(String.valueOf(bar.getValue()));
            y += 22;
        }
    }
}
