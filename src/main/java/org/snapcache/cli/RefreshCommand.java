package org.snapcache.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.snapcache.pipeline.Snapcache;
import org.snapcache.archive.Timestamps;
import org.snapcache.config.Resource;
import org.snapcache.pipeline.RunPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "refresh",
        mixinStandardHelpOptions = true,
        description = "Fetch the named resources now, whatever their freshness.",
        footer = {"", "Examples:", "  snapcache refresh 8f738b406e4bfc32 https://www.alignmentforum.org/w/mesa-optimization",
            "  snapcache refresh --at 20240115 8f738b406e4bfc32"})
final class RefreshCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Parameters(arity = "1..*", paramLabel = "ID-or-URL", description = "Resource ids or URLs as the catalogue lists them.")
    List<String> names;

    @Option(names = "--at", paramLabel = "TIMESTAMP",
            description = "Use the capture nearest this Wayback timestamp (1-14 digits, yyyyMMddHHmmss) for this refresh.")
    String at;

    @Option(names = {"-q", "--quiet"}, description = "No progress line, even on a terminal.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (at != null && !Timestamps.isTimestamp(at)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--at must be a Wayback timestamp of 1 to 14 digits (yyyyMMddHHmmss), got \"" + at + "\"");
        }
        try (Snapcache snapcache = parent.open()) {
            Map<String, Resource> named = new LinkedHashMap<>();
            for (String name : names) {
                Resource resource = Catalogue.find(snapcache.settings(), snapcache.store(), name);
                named.putIfAbsent(resource.id(), at == null ? resource : resource.pinnedAt(at));
            }
            return RunOutput.execute(snapcache, RunPlan.asked(new ArrayList<>(named.values())), List.of(), false, "refresh",
                    spec.commandLine().getOut(), spec.commandLine().getErr(), RunOutput.Feedback.of(quiet, parent.verbose));
        }
    }
}
