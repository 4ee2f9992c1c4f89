package org.snapcache.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.snapcache.cache.CacheStore;
import org.snapcache.cache.CachedEntry;
import org.snapcache.cache.CorruptEntryException;
import org.snapcache.cache.MetaJson;
import org.snapcache.config.Resource;
import org.snapcache.extract.QuoteFinder;
import org.snapcache.extract.QuoteFinder.Match;
import org.snapcache.pipeline.Snapcache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "quote",
        mixinStandardHelpOptions = true,
        description = {"Is this quote in the source? Checks it against the cached text, offline: exact, normalized "
            + "(case, spaces, quote marks, dashes, punctuation and line-end hyphens set aside), fuzzy (a passage close to it, "
            + "with its score) or absent; no-text when the resource has none yet. The main text (text.txt) is searched "
            + "first, then the whole page's text (page.txt)."},
        footer = {"", "Exit codes: 0 exact or normalized (every quote, with --batch), 1 otherwise, 3 resource unknown.",
            "", "Examples:", "  snapcache quote 8f738b406e4bfc32 \"a neologism we introduce in this paper\"",
            "  snapcache quote --batch quotes.jsonl    # lines of {\"resource\": ..., \"quote\": ...}"})
final class QuoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    SnapcacheCommand parent;

    @Mixin
    JsonMixin output;

    @Option(names = "--batch", paramLabel = "FILE",
            description = "JSON Lines of {\"resource\", \"quote\"} (- for stdin); answers JSON Lines in the same order.")
    String batch;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID-or-URL", description = "A resource id, stable id or URL.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "The quote.")
    String quote;

    /** The texts of the resources quoted last, as a batch quotes a few resources many times. */
    private final Map<String, Optional<Text>> texts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Text>> eldest) {
            return size() > 64;
        }
    };

    /**
     * The text a quote is checked against (text.txt and then page.txt, else the preview when no
     * whole text is kept), read for quotes; or, for a corrupt entry, why there is none.
     */
    record Text(QuoteFinder finder, String file, String problem) {}

    @Override
    public Integer call() throws Exception {
        if ((batch == null) == (name == null || quote == null)) {
            throw new UsageException("give a resource and a quote, or --batch FILE");
        }
        try (Snapcache snapcache = parent.open()) {
            PrintWriter out = spec.commandLine().getOut();
            if (batch != null) {
                return batch(snapcache, out);
            }
            Resource resource = Catalogue.find(snapcache.settings(), snapcache.store(), name);
            ObjectNode answer = answer(snapcache.store(), resource, quote);
            out.print(output.json ? MetaJson.write(answer) : text(answer));
            out.flush();
            return found(answer) ? ExitCodes.OK : ExitCodes.FAILURES;
        }
    }

    private int batch(Snapcache snapcache, PrintWriter out) throws IOException {
        boolean all = true;
        try (BufferedReader lines = batch.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(batch), StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode answer = batchAnswer(snapcache, line, number);
                all &= found(answer);
                out.println(MetaJson.mapper().writeValueAsString(answer));
            }
        }
        out.flush();
        return all ? ExitCodes.OK : ExitCodes.FAILURES;
    }

    private ObjectNode batchAnswer(Snapcache snapcache, String line, int number) {
        JsonNode asked;
        try {
            asked = MetaJson.mapper().readTree(line);
        } catch (IOException e) {
            return error(number, null, "not a JSON object: " + e.getMessage().lines().findFirst().orElse(""));
        }
        String given = asked.path("resource").isTextual() ? asked.path("resource").asText() : null;
        if (!asked.isObject() || given == null || !asked.path("quote").isTextual()) {
            return error(number, given, "each line needs \"resource\" (an id, stable id or URL) and \"quote\", both strings");
        }
        try {
            return answer(snapcache.store(), Catalogue.find(snapcache.settings(), snapcache.store(), given), asked.path("quote").asText())
                    .put("line", number);
        } catch (UnknownResourceException | UsageException e) {
            return error(number, given, e.getMessage());
        }
    }

    private static ObjectNode error(int line, String resource, String why) {
        return MetaJson.mapper().createObjectNode().put("line", line).put("resource", resource).put("verdict", "error")
                .put("error", why);
    }

    private ObjectNode answer(CacheStore store, Resource resource, String quote) {
        ObjectNode answer = MetaJson.mapper().createObjectNode().put("resource", resource.url()).put("id", resource.id());
        Optional<Text> text = texts.computeIfAbsent(resource.id(), id -> read(store, id));
        if (text.isEmpty()) {
            return answer.put("verdict", "no-text").put("score", 0).put("offset", -1).putNull("match");
        }
        if (text.get().problem() != null) {
            return answer.put("verdict", "error").put("error", text.get().problem());
        }
        Match match = text.get().finder().find(quote);
        answer.put("verdict", match.verdict().label()).put("score", match.score()).put("offset", match.offset());
        if (match.verdict() == QuoteFinder.Verdict.ABSENT) {
            return answer.putNull("match");
        }
        return answer.put("match", match.passage()).put("context", match.context())
                .put("file", match.onPage() ? CacheStore.PAGE : text.get().file());
    }

    private static Optional<Text> read(CacheStore store, String id) {
        try {
            Optional<CachedEntry> entry = store.read(id);
            if (entry.isEmpty() || entry.get().preview().isEmpty()) {
                return Optional.empty();
            }
            Optional<String> whole = store.readText(entry.get().meta());
            Optional<String> page = store.readPage(entry.get().meta());
            return Optional.of(whole.map(text -> new Text(page.map(all -> QuoteFinder.of(text, all)).orElseGet(() -> QuoteFinder.of(text)),
                            CacheStore.TEXT, null))
                    .orElseGet(() -> new Text(QuoteFinder.of(entry.get().preview().get()), CacheStore.PREVIEW, null)));
        } catch (CorruptEntryException e) {
            return Optional.of(new Text(null, null, "corrupt cache entry " + e.getMessage() + " (the next run fetches it again)"));
        }
    }

    private static boolean found(ObjectNode answer) {
        String verdict = answer.path("verdict").asText();
        return verdict.equals("exact") || verdict.equals("normalized");
    }

    /** The answer for a reader: verdict and score, where, and the passage with its context. */
    private static String text(ObjectNode answer) {
        StringBuilder out = new StringBuilder(answer.path("verdict").asText());
        if (answer.path("match").isTextual()) {
            out.append(String.format(Locale.ROOT, " (score %.3f) at character %d of %s", answer.path("score").asDouble(),
                    answer.path("offset").asInt(), answer.path("file").asText()));
            if (answer.path("file").asText().equals(CacheStore.PAGE)) {
                out.append(", outside the main text (a caption, list, table or aside the main text leaves out)");
            }
            out.append("\n  the source says: ").append(answer.path("match").asText().replaceAll("\\s+", " "));
            out.append("\n  in context: ").append(answer.path("context").asText());
        } else if (answer.path("verdict").asText().equals("error")) {
            out.append(": ").append(answer.path("error").asText());
        } else if (answer.path("verdict").asText().equals("no-text")) {
            out.append(": ").append(answer.path("resource").asText()).append(" has no text in the cache yet (failed or never fetched)");
        } else {
            out.append(": nothing in ").append(answer.path("resource").asText()).append(" is close to the quote");
        }
        return out.append('\n').toString();
    }
}
