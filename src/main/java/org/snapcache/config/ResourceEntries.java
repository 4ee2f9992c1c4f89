package org.snapcache.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads catalogue entries, inline in config.yaml or from the wiki's resource files, and makes
 * one catalogue of them. An entry that cannot be fetched as written becomes an {@link InvalidEntry};
 * an entry listed twice is used once, with a warning; neither stops the others.
 */
final class ResourceEntries {

    private static final Set<String> FIELDS = Set.of("url", "id", "title", "type", "stable-id", "stable_id", "archived-at",
            "archived_at");

    /** The catalogue's parts: each resource once, in the order listed, the entries that cannot be fetched, and warnings. */
    record Parts(List<Resource> resources, List<InvalidEntry> invalid, List<String> warnings) {}

    private final Problems problems;
    private final List<Resource> resources = new ArrayList<>();
    private final List<InvalidEntry> invalid = new ArrayList<>();

    /** @param problems where problems of the configuration itself go: unknown keys in inline entries */
    ResourceEntries(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param strict whether unknown fields are errors: inline entries are written for snapcache,
     *     while the wiki's own files carry fields of their own (tags, summary, ...)
     */
    void read(YamlNode node, String file, int index, boolean strict) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            invalid.add(new InvalidEntry(file + ":" + node.line(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), "must be a mapping with at least a url, got " + node.kind()));
            return;
        }
        Problems own = new Problems();
        MappingFields fields = new MappingFields(mapping, file, "", own);
        Optional<String> url = fields.text("url");
        if (strict) {
            new MappingFields(mapping, file, url.map(u -> "resource " + u + ": ").orElse("resources[" + index + "]."), problems)
                    .rejectUnknown(FIELDS);
        }
        if (url.isEmpty()) {
            own.add(file, mapping.line(), "", "url is missing");
        } else {
            String why = BrowserUrl.problem(url.get());
            if (why != null) {
                fields.problem("url", why);
            }
        }
        Optional<String> id = fields.text("id");
        id.filter(given -> !ResourceId.isValid(given)).ifPresent(bad -> fields.problem("id",
                "\"" + bad + "\" is not a valid id (1-64 characters of A-Z a-z 0-9 _ -, since it names a folder)"));
        Optional<String> stableId = eitherSpelling(fields, "stable-id", "stable_id");
        Optional<String> archivedAt = eitherSpelling(fields, "archived-at", "archived_at").map(String::trim);
        archivedAt.filter(ts -> !isTimestamp(ts)).ifPresent(bad -> fields.problem(fields.field("archived-at").isPresent()
                ? "archived-at" : "archived_at", "must be a Wayback timestamp of 1 to 14 digits (yyyyMMddHHmmss), got \"" + bad + "\""));
        Optional<String> title = fields.text("title").map(String::strip).filter(t -> !t.isEmpty());
        String source = file + ":" + mapping.line();
        if (!own.isEmpty()) {
            // a URL too long to fetch is too long to show
            Optional<String> shown = url.map(u -> u.length() > BrowserUrl.MAX_CHARS ? u.substring(0, 200) + "..." : u);
            invalid.add(new InvalidEntry(source, id, shown, title, stableId, own.details()));
            return;
        }
        resources.add(new Resource(id.orElseGet(() -> ResourceId.forUrl(url.get())), url.get(), title, fields.text("type"),
                stableId, archivedAt, source));
    }

    /** A key in snapcache's spelling or the wiki's snake_case one; both is fine when they agree. */
    private static Optional<String> eitherSpelling(MappingFields fields, String kebab, String snake) {
        Optional<String> first = fields.text(kebab);
        Optional<String> second = fields.text(snake);
        if (first.isPresent() && second.isPresent() && !first.get().strip().equals(second.get().strip())) {
            fields.problem(snake, "gives " + kebab + " and " + snake + " different values");
        }
        return first.or(() -> second);
    }

    /**
     * The catalogue: an entry listed twice, identical, is one resource; of two entries that claim
     * one id or URL with different fields the first is used and both lines are warned about; and
     * entries the archive keeps as one page (they differ in a fragment or a trailing slash) are
     * worth a warning, since each costs the archive's budget.
     */
    Parts finish() {
        Map<String, Resource> byId = new HashMap<>();
        Map<String, Resource> byUrl = new HashMap<>();
        List<Resource> kept = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Resource resource : resources) {
            Resource first = byUrl.get(resource.url());
            String claimed = "URL";
            if (first == null) {
                first = byId.get(resource.id());
                claimed = "id " + resource.id();
            }
            if (first == null) {
                byId.put(resource.id(), resource);
                byUrl.put(resource.url(), resource);
                kept.add(resource);
                continue;
            }
            List<String> differ = differences(first, resource);
            if (differ.isEmpty()) {
                warnings.add(resource.source() + ": resource " + resource.url() + ": listed again (as at " + first.source()
                        + "); fetched once");
            } else {
                String fields = String.join(", ", differ);
                warnings.add(first.source() + ": resource " + first.url() + ": " + claimed + " is claimed again at "
                        + resource.source() + " with another " + fields + "; this entry is used");
                warnings.add(resource.source() + ": resource " + resource.url() + ": " + claimed + " is already claimed at "
                        + first.source() + " with another " + fields + "; this entry is ignored");
            }
        }
        Map<String, Resource> byPage = new HashMap<>();
        for (Resource resource : kept) {
            Resource same = byPage.putIfAbsent(page(resource.url()), resource);
            if (same != null) {
                warnings.add(resource.source() + ": resource " + resource.url() + ": the archive keeps it as the same page as "
                        + same.url() + " (" + same.source() + "); each costs its own requests");
            }
        }
        return new Parts(kept, invalid, warnings);
    }

    /** The fields in which two entries differ, by name. */
    private static List<String> differences(Resource a, Resource b) {
        Map<String, Function<Resource, Object>> fields = new LinkedHashMap<>();
        fields.put("id", Resource::id);
        fields.put("url", Resource::url);
        fields.put("title", Resource::title);
        fields.put("type", Resource::type);
        fields.put("stable-id", Resource::stableId);
        fields.put("archived-at", Resource::archivedAt);
        return fields.entrySet().stream().filter(f -> !Objects.equals(f.getValue().apply(a), f.getValue().apply(b)))
                .map(Map.Entry::getKey).toList();
    }

    /** The page an archive keeps for a URL: as a browser sends it, without a trailing slash on its path. */
    private static String page(String url) {
        String fetched = BrowserUrl.of(url);
        int query = fetched.indexOf('?');
        String path = query < 0 ? fetched : fetched.substring(0, query);
        String rest = query < 0 ? "" : fetched.substring(query);
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + rest;
    }

    private static boolean isTimestamp(String text) {
        return !text.isEmpty() && text.length() <= 14 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
