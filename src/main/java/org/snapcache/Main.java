package org.snapcache;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.snapcache.cli.SnapcacheCommand;

/** The command-line entry point. */
public final class Main {

    /**
     * PDFBox reports every font it cannot map through java.util.logging; a damaged PDF is already
     * reported once, as the resource's {@code lastError}. Held here so the setting is not collected.
     */
    private static final Logger PDFBOX = Logger.getLogger("org.apache.pdfbox");

    private Main() {}

    public static void main(String[] args) {
        PDFBOX.setLevel(Level.SEVERE);
        System.exit(SnapcacheCommand.commandLine(Environment.system()).execute(args));
    }
}
