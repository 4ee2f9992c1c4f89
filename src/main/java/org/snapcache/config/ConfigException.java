package org.snapcache.config;

import java.util.List;

/** The configuration is invalid; carries every problem found, each one line naming file and line. */
public final class ConfigException extends Exception {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems in the configuration");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
