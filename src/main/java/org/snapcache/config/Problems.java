package org.snapcache.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems, each one line: {@code file:line: subject: what is wrong}. */
final class Problems {

    private final List<String> lines = new ArrayList<>();

    void add(String file, int line, String subject, String message) {
        lines.add(file + ":" + line + ": " + subject + ": " + message);
    }

    void add(String file, String message) {
        lines.add(file + ": " + message);
    }

    void addAll(List<String> more) {
        lines.addAll(more);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
