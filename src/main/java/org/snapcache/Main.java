package org.snapcache;

import org.snapcache.cli.SnapcacheCommand;
import org.snapcache.pipeline.Environment;

/** The command-line entry point. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(SnapcacheCommand.safeOutput(SnapcacheCommand.commandLine(Environment.system())).execute(args));
    }
}
