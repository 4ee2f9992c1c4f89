package org.snapcache.config;

import java.util.List;

/**
 * A YAML value together with the line it starts on, so that every configuration problem can be
 * reported as {@code file:line}. Jackson's tree model drops locations, hence this small tree.
 */
public sealed interface YamlNode {

    int line();

    /** What the value is, in the words of an error message. */
    String kind();

    /** A scalar; {@code text} is null for YAML null, {@code quoted} says whether it was a string token. */
    record Scalar(String text, boolean string, int line) implements YamlNode {
        public String kind() {
            return text == null ? "null" : string ? "a string" : "a scalar";
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        public String kind() {
            return "a list";
        }
    }

    /** A mapping; fields keep their order, and duplicates are kept so that they can be reported. */
    record Mapping(List<Field> fields, int line) implements YamlNode {
        public Mapping {
            fields = List.copyOf(fields);
        }

        public String kind() {
            return "a mapping";
        }
    }

    record Field(String key, YamlNode value, int line) {}
}
