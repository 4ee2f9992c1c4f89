package org.snapcache.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

    /**
     * The command line with its exit-code mapping, for {@code args}: with the one subcommand they
     * name, as building each subcommand's model costs a JVM's start-up about 5 ms; with all of them
     * for help, completion and mistakes.
     */
    public static CommandLine commandLine(Environment environment, String... args) {
        SnapcacheCommand command = new SnapcacheCommand(environment);
        ErrorReporter reporter = new ErrorReporter(() -> command.verbose);
        CommandLine commandLine = new CommandLine(command);
        Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
        subcommands.put("run", RunCommand::new);
        subcommands.put("refresh", RefreshCommand::new);
        subcommands.put("status", StatusCommand::new);
        subcommands.put("show", ShowCommand::new);
        subcommands.put("captures", CapturesCommand::new);
        subcommands.put("prune", PruneCommand::new);
        subcommands.put("verify", VerifyCommand::new);
        subcommands.put("help", CommandLine.HelpCommand::new);
        subcommands.put("generate-completion", AutoComplete.GenerateCompletion::new);
        String name = subcommandName(commandLine, args);
        if (subcommands.containsKey(name) && !name.equals("help") && !name.equals("generate-completion")) {
            commandLine.addSubcommand(subcommands.get(name).get());
        } else {
            subcommands.values().forEach(subcommand -> commandLine.addSubcommand(subcommand.get()));
        }
        // set after the subcommands are added, so that they share the handlers
        return commandLine.setExecutionExceptionHandler(reporter).setExitCodeExceptionMapper(reporter);
    }

    /** The first argument after the top-level options, as picocli reads them; null if there is none. */
    private static String subcommandName(CommandLine commandLine, String[] args) {
        commandLine.setStopAtPositional(true).setUnmatchedArgumentsAllowed(true);
        try {
            List<String> rest = commandLine.parseArgs(args).unmatched();
            return rest.isEmpty() ? null : rest.get(0);
        } catch (CommandLine.ParameterException e) {
            return null;
        } finally {
            commandLine.setStopAtPositional(false).setUnmatchedArgumentsAllowed(false);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, refresh, status, show, captures, prune or verify");
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
