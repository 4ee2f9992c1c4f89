package org.snapcache.cli;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.snapcache.Environment;
import org.snapcache.Snapcache;
import org.snapcache.Version;
import org.snapcache.cache.StatusIndex;
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

    /** The subcommands, by name, in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("run", RunCommand::new);
        commands.put("refresh", RefreshCommand::new);
        commands.put("status", StatusCommand::new);
        commands.put("show", ShowCommand::new);
        commands.put("captures", CapturesCommand::new);
        commands.put("prune", PruneCommand::new);
        commands.put("verify", VerifyCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        commands.put("generate-completion", AutoComplete.GenerateCompletion::new);
        return commands;
    }

    /** The command line with its exit-code mapping and every subcommand, as the tests run it. */
    public static CommandLine commandLine(Environment environment) {
        return commandLine(environment, SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments, as {@code Main} runs it: when they name a subcommand
     * (other than help), only that one is set up, since picocli's model of each costs start-up
     * time; otherwise all of them, for help and for picocli's own errors.
     */
    public static CommandLine commandLine(Environment environment, String... args) {
        String named = subcommandIn(args);
        if (named == null && List.of(args).stream().anyMatch(arg -> arg.equals("-V") || arg.equals("--version"))
                && List.of(args).stream().noneMatch(arg -> arg.equals("-h") || arg.equals("--help"))) {
            return commandLine(environment, List.of()); // the version needs no subcommand
        }
        // status reads every entry of the cache: it starts looking at them before picocli builds its model
        StatusIndex early = "status".equals(named) ? StatusCommand.lookEarly(configIn(args)) : null;
        CommandLine commandLine = commandLine(environment, named == null || named.equals("help") ? SUBCOMMANDS.keySet() : List.of(named));
        if (early != null) {
            ((StatusCommand) commandLine.getSubcommands().get("status").getCommand()).early = early;
        }
        return commandLine;
    }

    /** The --config these arguments give before their subcommand, or its default. */
    static Path configIn(String... args) {
        Path config = Path.of("config.yaml");
        for (int i = 0; i < args.length && !SUBCOMMANDS.containsKey(args[i]); i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                config = Path.of(args[++i]);
            } else if (args[i].startsWith("--config=")) {
                config = Path.of(args[i].substring("--config=".length()));
            }
        }
        return config;
    }

    private static CommandLine commandLine(Environment environment, Collection<String> names) {
        SnapcacheCommand command = new SnapcacheCommand(environment);
        ErrorReporter reporter = new ErrorReporter(() -> command.verbose);
        CommandLine commandLine = new CommandLine(command);
        for (String name : names) {
            commandLine.addSubcommand(name, SUBCOMMANDS.get(name).get());
        }
        // set after the subcommands are added, so that they share the handlers
        return commandLine.setExecutionExceptionHandler(reporter).setExitCodeExceptionMapper(reporter);
    }

    /** The first argument that names a subcommand, passing over the top-level options and --config's value. */
    static String subcommandIn(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--config")) {
                i++;
            } else if (SUBCOMMANDS.containsKey(arg)) {
                return arg;
            } else if (!arg.startsWith("-")) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, refresh, status, show, captures, prune or verify");
    }

    Snapcache open() throws ConfigException {
        Settings settings = new ConfigLoader(Version.userAgent()).loadKept(config);
        return new Snapcache(settings, environment);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"snapcache " + Version.current()};
        }
    }
}
