package org.snapcache.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads catalogue entries, inline in config.yaml or from the wiki's resource files. */
final class ResourceEntries {

    private static final Set<String> FIELDS = Set.of("url", "id", "title", "type", "stable-id", "stable_id", "archived-at");

    private final Problems problems;

    ResourceEntries(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param strict whether unknown fields are errors: inline entries are written for snapcache,
     *     while the wiki's own files carry fields of their own (tags, summary, ...)
     */
    Optional<Resource> read(YamlNode node, String file, int index, boolean strict) {
        String label = "resources[" + index + "]";
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(file, node.line(), label, "must be a mapping with at least a url, got " + node.kind());
            return Optional.empty();
        }
        Optional<String> url = new MappingFields(mapping, file, label + ".", problems).text("url");
        if (url.isPresent()) {
            label = "resource " + url.get();
        }
        MappingFields fields = new MappingFields(mapping, file, label + ": ", problems);
        if (strict) {
            fields.rejectUnknown(FIELDS);
        }
        int before = problems.size();
        if (url.isEmpty()) {
            problems.add(file, mapping.line(), label, "url is missing");
        } else {
            checkUrl(url.get()).ifPresent(why -> fields.problem("url", why));
        }
        Optional<String> id = fields.text("id");
        id.filter(given -> !ResourceId.isValid(given)).ifPresent(bad -> fields.problem("id",
                "\"" + bad + "\" is not a valid id (1-64 characters of A-Z a-z 0-9 _ -, since it names a folder)"));
        Optional<String> stableId = fields.text("stable-id");
        Optional<String> stableIdUnderscore = fields.text("stable_id");
        if (stableId.isPresent() && stableIdUnderscore.isPresent()) {
            fields.problem("stable_id", "give stable-id or stable_id, not both");
        }
        Optional<String> archivedAt = fields.text("archived-at").map(String::trim);
        archivedAt.filter(ts -> !isTimestamp(ts)).ifPresent(bad -> fields.problem("archived-at",
                "must be a Wayback timestamp of 1 to 14 digits (yyyyMMddHHmmss), got \"" + bad + "\""));
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Resource(
                id.orElseGet(() -> ResourceId.forUrl(url.get())),
                url.get(),
                fields.text("title").map(String::strip).filter(t -> !t.isEmpty()),
                fields.text("type"),
                stableId.or(() -> stableIdUnderscore),
                archivedAt,
                file + ":" + mapping.line()));
    }

    /** @return why {@code url} is not an absolute http(s) URL, or empty when it is one */
    static Optional<String> checkUrl(String url) {
        if (url.isBlank()) {
            return Optional.of("url is empty");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("\"" + url + "\" is not an absolute http or https URL");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.of("\"" + url + "\" has no host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("\"" + url + "\" is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    private static boolean isTimestamp(String text) {
        return !text.isEmpty() && text.length() <= 14 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
