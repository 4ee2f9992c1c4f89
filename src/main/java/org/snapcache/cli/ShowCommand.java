package org.snapcache.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.snapcache.pipeline.Snapcache;
import org.snapcache.archive.Timestamps;
import org.snapcache.cache.CachedEntry;
import org.snapcache.cache.CorruptEntryException;
import org.snapcache.cache.EntryMeta;
import org.snapcache.cache.MetaJson;
import org.snapcache.config.Resource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = "Print one cached preview with its metadata, the way the wiki shows it.",
        footer = {"", "Example:", "  snapcache show 8f738b406e4bfc32"})
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Mixin
    JsonMixin output;

    @Parameters(paramLabel = "ID-or-URL", description = "A resource id or URL as the catalogue lists it.")
    String name;

    @Override
    public Integer call() throws Exception {
        try (Snapcache snapcache = parent.open()) {
            Resource resource = Catalogue.find(snapcache.settings(), snapcache.store(), name);
            PrintWriter out = spec.commandLine().getOut();
            Optional<CachedEntry> entry;
            try {
                entry = snapcache.store().read(resource.id());
            } catch (CorruptEntryException e) {
                spec.commandLine().getErr().println("snapcache: corrupt cache entry " + e.getMessage()
                        + " (the next run fetches it again)");
                return ExitCodes.FAILURES;
            }
            if (output.json) {
                out.print(json(resource, entry));
            } else {
                out.print(text(resource, entry));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static String json(Resource resource, Optional<CachedEntry> entry) {
        ObjectNode node = entry.isPresent()
                ? MetaJson.mapper().valueToTree(entry.get().meta())
                : MetaJson.mapper().createObjectNode().put("id", resource.id()).put("url", resource.url());
        node.put("catalogueTitle", resource.title().orElse(null));
        node.put("preview", entry.flatMap(CachedEntry::preview).orElse(null));
        return MetaJson.write(node);
    }

    /** The wiki's "Cached Content Preview" block. */
    static String text(Resource resource, Optional<CachedEntry> entry) {
        StringBuilder out = new StringBuilder();
        Optional<EntryMeta> meta = entry.map(CachedEntry::meta);
        String title = resource.title().or(() -> meta.map(EntryMeta::title)).orElse(resource.url());
        out.append(title).append('\n');
        if (meta.isPresent() && meta.get().hasPreview()) {
            EntryMeta m = meta.get();
            out.append("HTTP ").append(m.httpStatus())
                    .append(" · Fetched ").append(Formats.wikiDate(m.fetchedAt()))
                    .append(" · ").append(Formats.size(m.contentLength()));
            Timestamps.toInstant(m.captureTimestamp())
                    .ifPresent(capture -> out.append(" · capture ").append(Formats.second(capture)));
            out.append('\n');
            if (m.binaryContent()) {
                out.append("(no text preview: ").append(m.contentType()).append(", ")
                        .append(Formats.size(m.byteLength())).append(")\n");
            } else {
                out.append(entry.get().preview().orElse("")).append('\n');
            }
            if (Boolean.TRUE.equals(m.truncated())) {
                out.append("... (truncated, ").append(Formats.size(m.contentLength())).append(" total)\n");
            }
        } else if (meta.isPresent()) {
            out.append("No preview yet: the last attempt failed.\n");
        } else {
            out.append("No preview yet: never fetched.\n");
        }
        out.append("Resource ID: ").append(resource.id());
        resource.stableId().or(() -> meta.map(EntryMeta::stableId))
                .ifPresent(stable -> out.append(" | Stable ID: ").append(stable));
        out.append('\n');
        meta.filter(m -> m.lastError() != null).ifPresent(m -> out.append("Last attempt ")
                .append(Formats.second(m.lastAttemptAt())).append(" UTC failed (")
                .append(m.consecutiveFailures()).append(m.consecutiveFailures() == 1 ? " time" : " times in a row")
                .append("): ").append(m.lastError()).append('\n'));
        return out.toString();
    }
}
