package org.snapcache.cli;

import picocli.CommandLine.Option;

/** {@code --json}, for commands whose output scripts read. */
public final class JsonMixin {

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;
}
