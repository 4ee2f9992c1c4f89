package org.snapcache.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.snapcache.Snapcache;
import org.snapcache.config.Resource;
import org.snapcache.pipeline.RunPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "refresh",
        mixinStandardHelpOptions = true,
        description = "Fetch the named resources now, whatever their freshness.",
        footer = {"", "Example:", "  snapcache refresh 8f738b406e4bfc32 https://www.alignmentforum.org/w/mesa-optimization"})
final class RefreshCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Parameters(arity = "1..*", paramLabel = "ID-or-URL", description = "Resource ids or URLs as the catalogue lists them.")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        try (Snapcache snapcache = parent.open()) {
            Map<String, Resource> named = new LinkedHashMap<>();
            for (String name : names) {
                Resource resource = Catalogue.find(snapcache.settings(), snapcache.store(), name);
                named.putIfAbsent(resource.id(), resource);
            }
            return BatchRun.execute(snapcache, new RunPlan(new ArrayList<>(named.values()), 0, 0), "refresh",
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
