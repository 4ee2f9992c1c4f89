package org.snapcache.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.snapcache.pipeline.Snapcache;
import org.snapcache.archive.ArchiveException;
import org.snapcache.archive.CdxCapture;
import org.snapcache.archive.CdxClient;
import org.snapcache.archive.Timestamps;
import org.snapcache.cache.MetaJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "captures",
        mixinStandardHelpOptions = true,
        description = {"List an archive's captures of a URL (from its CDX server), so that an editor can choose one",
            "to pin with archived-at or refresh --at."},
        footer = {"", "Example:", "  snapcache captures https://www.fws.gov/birds/ --from 2017 --to 2018 --limit 20"})
final class CapturesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Mixin
    JsonMixin output;

    @Parameters(paramLabel = "URL-or-ID", description = "A URL, or the id of a catalogue resource.")
    String name;

    @Option(names = "--from", paramLabel = "TIMESTAMP", description = "Earliest capture (1-14 digits).")
    String from;

    @Option(names = "--to", paramLabel = "TIMESTAMP", description = "Latest capture (1-14 digits).")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N captures (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--archive", paramLabel = "N", defaultValue = "1",
            description = "Which of the configured archives to ask, counting from 1 (default: ${DEFAULT-VALUE}).")
    int archive;

    @Override
    public Integer call() throws Exception {
        for (String timestamp : new String[] {from, to}) {
            if (timestamp != null && !Timestamps.isTimestamp(timestamp)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--from and --to take 1 to 14 digits, got \"" + timestamp + "\"");
            }
        }
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        try (Snapcache snapcache = parent.open()) {
            List<String> archives = snapcache.settings().archive().baseUrls();
            if (archive < 1 || archive > archives.size()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--archive must be between 1 and " + archives.size());
            }
            String url = name.startsWith("http://") || name.startsWith("https://") ? name
                    : Catalogue.find(snapcache.settings(), snapcache.store(), name).fetchUrl();
            String base = archives.get(archive - 1);
            List<CdxCapture> captures;
            try {
                captures = snapcache.cdx().captures(base, url, new CdxClient.Query(Optional.ofNullable(from),
                        Optional.ofNullable(to), limit, false, Optional.empty()));
            } catch (ArchiveException e) {
                spec.commandLine().getErr().println("snapcache: " + e.getMessage());
                return ExitCodes.FAILURES;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                ArrayNode array = MetaJson.mapper().createArrayNode();
                captures.forEach(c -> array.addObject().put("timestamp", c.timestamp()).put("status", c.status())
                        .put("type", c.mimeType()).put("length", c.length()).put("original", c.original()));
                out.print(MetaJson.write(array));
            } else {
                String format = "%-14s  %6s  %-24s  %9s  %s%n";
                out.printf(Locale.ROOT, format, "TIMESTAMP", "STATUS", "TYPE", "LENGTH", "ORIGINAL");
                captures.forEach(c -> out.printf(Locale.ROOT, format, c.timestamp(), c.status(), c.mimeType(), c.length(), c.original()));
                out.println(captures.size() + (captures.size() == 1 ? " capture" : " captures") + " of " + url + " in " + base);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
