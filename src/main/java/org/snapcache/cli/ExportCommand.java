package org.snapcache.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.snapcache.cache.CacheStore;
import org.snapcache.cache.CachedEntry;
import org.snapcache.cache.CorruptEntryException;
import org.snapcache.cache.Freshness;
import org.snapcache.cache.MetaJson;
import org.snapcache.cache.StatusIndex;
import org.snapcache.cache.StatusReport;
import org.snapcache.cache.StatusRow;
import org.snapcache.pipeline.Snapcache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = "JSON Lines on stdout, one object per cache entry with a preview: meta.json's fields, preview, "
            + "and with --full-text the whole text as fullText.",
        footer = {"", "Example (load the cache into another store):", "  snapcache export --full-text --only fresh,stale > cache.jsonl"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Option(names = "--full-text", description = "Add the whole text kept in text.txt as fullText (null when none is kept).")
    boolean fullText;

    @Option(names = "--only", split = ",", paramLabel = "STATE",
            description = "Only entries in these states (comma-separated), as for status: fresh, stale, orphaned, ...")
    List<String> only;

    @Override
    public Integer call() throws Exception {
        Set<Freshness> states = StatusCommand.states(only);
        try (Snapcache snapcache = parent.open()) {
            Instant now = snapcache.environment().clock().instant();
            CacheStore store = snapcache.store();
            StatusReport report = StatusReport.of(snapcache.settings().resources(), snapcache.settings().invalid(),
                    StatusIndex.open(store, now), now, snapcache.settings().maxAge());
            ObjectWriter line = MetaJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int skipped = 0;
            for (StatusRow row : report.rows()) {
                if (!states.contains(row.state()) || row.meta().map(meta -> !meta.hasPreview()).orElse(true)) {
                    continue;
                }
                try {
                    Optional<CachedEntry> entry = store.read(row.id());
                    if (entry.isEmpty() || entry.get().preview().isEmpty()) {
                        continue;
                    }
                    ObjectNode node = MetaJson.mapper().valueToTree(entry.get().meta());
                    node.put("preview", entry.get().preview().get());
                    if (fullText) {
                        node.put("fullText", store.readText(entry.get().meta()).orElse(null));
                    }
                    out.println(line.writeValueAsString(node));
                } catch (CorruptEntryException e) {
                    err.println("export: skipped corrupt entry " + e.getMessage());
                    skipped++;
                }
            }
            out.flush();
            err.flush();
            return skipped == 0 ? ExitCodes.OK : ExitCodes.FAILURES;
        }
    }
}
