package org.snapcache.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects configuration problems, each one line: {@code file:line: subject: what is wrong}.
 * They are listed in file and line order, whatever order they were found in.
 */
final class Problems {

    private record Problem(String file, int line, String text, String detail) {}

    private final List<Problem> problems = new ArrayList<>();

    void add(String file, int line, String subject, String message) {
        problems.add(new Problem(file, line, file + ":" + line + ": " + subject + ": " + message,
                subject.isEmpty() ? message : subject + ": " + message));
    }

    void add(String file, String message) {
        problems.add(new Problem(file, lineOf(file), file + ": " + message, message));
    }

    void addAll(List<String> more) {
        more.forEach(text -> problems.add(new Problem(text, 0, text, text)));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    /** What is wrong, without the place: for a problem whose place is told elsewhere. */
    String details() {
        return String.join("; ", problems.stream().map(Problem::detail).toList());
    }

    List<String> lines() {
        return problems.stream()
                .sorted(Comparator.comparing((Problem p) -> p.file().replaceFirst(":\\d+$", ""))
                        .thenComparingInt(Problem::line))
                .map(Problem::text)
                .toList();
    }

    /** The line of a {@code file:line} source, for sorting. */
    private static int lineOf(String source) {
        int colon = source.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(source.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
