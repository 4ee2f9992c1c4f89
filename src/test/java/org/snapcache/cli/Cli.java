package org.snapcache.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;
import org.snapcache.pipeline.Environment;

/** Runs snapcache in-process, as a user would from the shell, capturing exit code, stdout and stderr. */
final class Cli {

    record Result(int exitCode, String out, String err) {}

    private Cli() {}

    static Environment at(Instant now) {
        return new Environment(Clock.fixed(now, ZoneOffset.UTC), System::nanoTime, duration -> { }, Duration.ofMillis(1));
    }

    /** Runs {@code snapcache --config CONFIG ARGS...}. */
    static Result run(Path config, Environment environment, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(environment, all);
    }

    static Result run(Environment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SnapcacheCommand.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        SnapcacheCommand.safeOutput(commandLine);
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
