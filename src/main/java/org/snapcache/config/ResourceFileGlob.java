package org.snapcache.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Expands a {@code resource-files} pattern such as {@code resources/*.yaml} into the files it names, sorted. */
public final class ResourceFileGlob {

    private ResourceFileGlob() {}

    public static List<Path> expand(Path folder, String pattern) throws IOException {
        String[] segments = pattern.split("/");
        Path base = Path.of(pattern).isAbsolute() ? Path.of("/") : folder;
        int first = Path.of(pattern).isAbsolute() ? 1 : 0;
        int i = first;
        while (i < segments.length - 1 && !hasWildcard(segments[i])) {
            base = base.resolve(segments[i]);
            i++;
        }
        String rest = String.join("/", Arrays.copyOfRange(segments, i, segments.length));
        if (!hasWildcard(rest)) {
            Path file = base.resolve(rest);
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : segments.length - i;
        Path root = base;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(root.relativize(p)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean hasWildcard(String segment) {
        return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
