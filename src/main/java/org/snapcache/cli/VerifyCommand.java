package org.snapcache.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.snapcache.pipeline.Snapcache;
import org.snapcache.cache.CacheVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {"Check every cache entry: meta.json parses and names its folder, preview.txt is UTF-8 of the",
            "length meta.json gives, and a preview that is the whole text hashes to contentHash.",
            "Reads the files only; a damaged entry is refetched by the next run."},
        footer = {"", "Exit code 1 when any problem is found, one line each on stdout.",
            "", "Example (after restoring a backup of the cache):", "  snapcache verify"})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Override
    public Integer call() throws Exception {
        try (Snapcache snapcache = parent.open()) {
            CacheVerifier.Report report = new CacheVerifier().verify(snapcache.store());
            PrintWriter out = spec.commandLine().getOut();
            for (CacheVerifier.Problem problem : report.problems()) {
                out.println(problem.message());
            }
            out.println("verify: " + report.entries() + (report.entries() == 1 ? " entry" : " entries") + ", "
                    + report.problems().size() + (report.problems().size() == 1 ? " problem" : " problems"));
            out.flush();
            return report.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURES;
        }
    }
}
