package org.snapcache;

import org.snapcache.cli.CdsTraining;
import org.snapcache.cli.SnapcacheCommand;

/** The command-line entry point. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = SnapcacheCommand.commandLine(Environment.system(), args).execute(args);
        if (CdsTraining.requested()) {
            CdsTraining.loadFetchingCode();
        }
        System.exit(code);
    }
}
