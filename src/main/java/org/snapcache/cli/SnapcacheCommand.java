package org.snapcache.cli;

import java.nio.file.Path;
import org.snapcache.pipeline.Environment;
import org.snapcache.pipeline.Snapcache;
import org.snapcache.cache.CatalogueSnapshot;
import org.snapcache.config.ConfigException;
import org.snapcache.config.ConfigLoader;
import org.snapcache.config.Settings;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "snapcache",
        mixinStandardHelpOptions = true,
        versionProvider = SnapcacheCommand.VersionProvider.class,
        description = "Keeps a local, inspectable cache of text previews of web resources, read through a Wayback-style archive.",
        footer = {"", "Exit codes: 0 done, 1 some resource failed (or status --fail-on matched), 2 bad usage or configuration,",
            "3 resource not in catalogue or cache, 4 another run holds the cache lock.",
            "", "Example: snapcache --config config.yaml run"})
public final class SnapcacheCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config.yaml",
            description = "Configuration file (default: ./config.yaml).")
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "A line for every resource run or refresh handles, and stack traces of failures.")
    boolean verbose;

    private final Environment environment;

    public SnapcacheCommand(Environment environment) {
        this.environment = environment;
    }

    /** The command line with its exit-code mapping and every subcommand. */
    public static CommandLine commandLine(Environment environment) {
        SnapcacheCommand command = new SnapcacheCommand(environment);
        ErrorReporter reporter = new ErrorReporter(() -> command.verbose);
        CommandLine commandLine = new CommandLine(command)
                .addSubcommand(new RunCommand())
                .addSubcommand(new RefreshCommand())
                .addSubcommand(new StatusCommand())
                .addSubcommand(new ShowCommand())
                .addSubcommand(new CapturesCommand())
                .addSubcommand(new PruneCommand())
                .addSubcommand(new VerifyCommand())
                .addSubcommand(new QuoteCommand())
                .addSubcommand(new ExportCommand())
                .addSubcommand(new CommandLine.HelpCommand())
                .addSubcommand(new AutoComplete.GenerateCompletion());
        // set after the subcommands are added, so that they share the handlers
        return commandLine.setExecutionExceptionHandler(reporter).setExitCodeExceptionMapper(reporter);
    }

    /** {@code commandLine} with its output and errors made safe for a terminal ({@link SafeOutput}). */
    public static CommandLine safeOutput(CommandLine commandLine) {
        return commandLine.setOut(new SafeOutput(commandLine.getOut())).setErr(new SafeOutput(commandLine.getErr()));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, refresh, status, show, captures, prune, verify, quote or export");
    }

    Snapcache open() throws ConfigException {
        Settings settings = CatalogueSnapshot.load(config, new ConfigLoader(Version.userAgent()),
                Version.build() + " " + Version.userAgent(), environment.clock().instant());
        return new Snapcache(settings, environment);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"snapcache " + Version.current()};
        }
    }
}
