package org.snapcache.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, located access to one YAML mapping's fields. Every wrong type, unknown key or duplicate
 * key becomes a problem naming the file, the line and the key; reading goes on, so that one run
 * reports every problem at once.
 */
final class MappingFields {

    private final YamlNode.Mapping mapping;
    private final String file;
    private final String prefix;
    private final Problems problems;

    MappingFields(YamlNode.Mapping mapping, String file, String prefix, Problems problems) {
        this.mapping = mapping;
        this.file = file;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** Reports keys outside {@code known} as unknown (they are typos) and keys given twice. */
    void rejectUnknown(Set<String> known) {
        Set<String> seen = new HashSet<>();
        for (YamlNode.Field field : mapping.fields()) {
            if (!known.contains(field.key())) {
                problems.add(file, field.line(), prefix + field.key(), "unknown key (expected one of "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
            if (!seen.add(field.key())) {
                problems.add(file, field.line(), prefix + field.key(), "key given twice");
            }
        }
    }

    Optional<YamlNode.Field> field(String key) {
        return mapping.fields().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    int line(String key) {
        return field(key).map(YamlNode.Field::line).orElse(mapping.line());
    }

    /** A scalar's text; YAML null counts as absent. */
    Optional<String> text(String key) {
        Optional<YamlNode.Field> field = field(key);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        if (field.get().value() instanceof YamlNode.Scalar scalar) {
            return Optional.ofNullable(scalar.text());
        }
        wrongType(field.get(), "a single value");
        return Optional.empty();
    }

    Optional<Integer> integer(String key, int min, int max) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text.get().trim());
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
            problem(key, "must be between " + min + " and " + max + ", got " + value);
        } catch (NumberFormatException e) {
            problem(key, "must be a whole number, got \"" + text.get() + "\"");
        }
        return Optional.empty();
    }

    Optional<Boolean> bool(String key) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        switch (text.get().trim()) {
            case "true":
                return Optional.of(true);
            case "false":
                return Optional.of(false);
            default:
                problem(key, "must be true or false, got \"" + text.get() + "\"");
                return Optional.empty();
        }
    }

    Optional<Duration> duration(String key) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> duration = Durations.parse(text.get().trim());
        if (duration.isEmpty() || duration.get().isZero()) {
            problem(key, "must be a duration such as 30s, 15m, 12h or 30d, got \"" + text.get() + "\"");
            return Optional.empty();
        }
        return duration;
    }

    /** A size in bytes, written {@code 10MB}, {@code 512KB}, {@code 1GB} or as a plain number of bytes. */
    Optional<Long> size(String key) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get().trim().toUpperCase(java.util.Locale.ROOT);
        long unit = 1;
        for (String[] suffix : new String[][] {{"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"B", "1"}}) {
            if (value.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                value = value.substring(0, value.length() - suffix[0].length()).trim();
                break;
            }
        }
        if (!value.isEmpty() && value.length() <= 6 && value.chars().allMatch(Character::isDigit)) {
            long bytes = Long.parseLong(value) * unit;
            if (bytes >= 1024) {
                return Optional.of(bytes);
            }
        }
        problem(key, "must be a size of at least 1KB such as 512KB, 10MB or 1GB, got \"" + text.get() + "\"");
        return Optional.empty();
    }

    Optional<YamlNode.Mapping> mapping(String key) {
        Optional<YamlNode.Field> field = field(key);
        if (field.isEmpty() || isNull(field.get().value())) {
            return Optional.empty();
        }
        if (field.get().value() instanceof YamlNode.Mapping nested) {
            return Optional.of(nested);
        }
        wrongType(field.get(), "a mapping");
        return Optional.empty();
    }

    List<YamlNode> list(String key) {
        Optional<YamlNode.Field> field = field(key);
        if (field.isEmpty() || isNull(field.get().value())) {
            return List.of();
        }
        if (field.get().value() instanceof YamlNode.Sequence sequence) {
            return sequence.items();
        }
        wrongType(field.get(), "a list");
        return List.of();
    }

    void problem(String key, String message) {
        problems.add(file, line(key), prefix + key, message);
    }

    private void wrongType(YamlNode.Field field, String expected) {
        problems.add(file, field.line(), prefix + field.key(), "must be " + expected + ", got " + field.value().kind());
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.text() == null;
    }
}
