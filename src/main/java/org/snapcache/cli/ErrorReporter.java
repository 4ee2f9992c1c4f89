package org.snapcache.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import org.snapcache.cache.LockHeldException;
import org.snapcache.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become exit codes and one-line messages on stderr. Expected
 * failures print no stack trace; {@code --verbose} adds one.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IExitCodeExceptionMapper {

    private final BooleanSupplier verbose;

    ErrorReporter(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof ConfigException || exception instanceof CommandLine.ParameterException
                || exception instanceof UsageException) {
            return ExitCodes.USAGE;
        }
        if (exception instanceof UnknownResourceException) {
            return ExitCodes.UNKNOWN_RESOURCE;
        }
        if (exception instanceof LockHeldException) {
            return ExitCodes.LOCKED;
        }
        return ExitCodes.FAILURES;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof ConfigException config) {
            config.problems().forEach(err::println);
            err.println("snapcache: invalid configuration (" + config.problems().size()
                    + (config.problems().size() == 1 ? " problem" : " problems") + "); nothing was fetched");
        } else if (exception instanceof UnknownResourceException || exception instanceof LockHeldException
                || exception instanceof UsageException) {
            err.println("snapcache: " + exception.getMessage());
        } else {
            err.println("snapcache: " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
        }
        if (verbose.getAsBoolean()) {
            exception.printStackTrace(err);
        }
        err.flush();
        return getExitCode(exception);
    }
}
