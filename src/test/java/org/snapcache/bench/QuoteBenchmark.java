package org.snapcache.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.snapcache.archive.Capture;
import org.snapcache.extract.ContentExtractor;
import org.snapcache.extract.PageText;
import org.snapcache.extract.QuoteFinder;
import org.snapcache.extract.QuoteFinder.Verdict;

/**
 * How well {@code snapcache quote} tells what a source says, on the trafilatura evaluation corpus:
 * each page's "with" passages (its main text, by the corpus's ground truth) are quoted against the
 * whole text snapcache extracts from the page, half of them retyped as people retype (quote marks
 * and dashes swapped, doubled spaces, a lower-case first letter); then the same quotes with one
 * word of five or more letters replaced; then each page's passages against another page's text.
 *
 * <p>Run with {@code bench/quotes [corpus folder]}.
 */
public final class QuoteBenchmark {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/fixtures/extraction/trafilatura-eval");
        List<ExtractionBenchmark.Page> pages = ExtractionBenchmark.load(corpus, Integer.MAX_VALUE);
        ContentExtractor extractor = new ContentExtractor(3000, 10_000_000);
        List<String> texts = new ArrayList<>();
        List<String> wholePages = new ArrayList<>();
        for (ExtractionBenchmark.Page page : pages) {
            try {
                PageText read = extractor.extract(new Capture(page.url(), Capture.ARCHIVE, "", "", Optional.empty(), 200, "text/html",
                        Optional.empty(), page.html()));
                texts.add(read.text());
                // as a run keeps them: page.txt only when it says more than text.txt
                wholePages.add(read.wholePage().filter(all -> !all.equals(read.text())).orElse(null));
            } catch (Exception e) {
                texts.add("");
                wholePages.add(null);
            }
        }
        long textChars = texts.stream().mapToLong(String::length).sum();
        long pageChars = wholePages.stream().filter(java.util.Objects::nonNull).mapToLong(String::length).sum();
        List<QuoteFinder> sources = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            sources.add(wholePages.get(p) == null ? QuoteFinder.of(texts.get(p)) : QuoteFinder.of(texts.get(p), wholePages.get(p)));
        }
        Random random = new Random(1);
        int quotes = 0;
        int found = 0;
        int inText = 0;
        int foundInText = 0;
        int inMainText = 0;
        int changed = 0;
        int changedAccepted = 0;
        int changedFuzzy = 0;
        int others = 0;
        int othersAccepted = 0;
        int othersHaveIt = 0;
        long nanos = 0;
        List<String> misses = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            QuoteFinder source = sources.get(p);
            // a page half the corpus away: neighbours are often of one site, which may well say the same
            QuoteFinder other = sources.get((p + pages.size() / 2) % pages.size());
            for (String passage : pages.get(p).with()) {
                String quote = quotes % 2 == 0 ? passage : retyped(passage, random);
                long start = System.nanoTime();
                QuoteFinder.Match match = source.find(quote);
                Verdict verdict = match.verdict();
                nanos += System.nanoTime() - start;
                quotes++;
                inMainText += verdict.found() && !match.onPage() ? 1 : 0;
                boolean extracted = source.find(passage).verdict().found();
                inText += extracted ? 1 : 0;
                if (verdict.found()) {
                    found++;
                    foundInText += extracted ? 1 : 0;
                } else if (misses.size() < 30) {
                    misses.add((extracted ? "missed, though the texts hold it: " : "not in the texts: ") + pages.get(p).url() + " " + quote);
                }
                Optional<String> mutated = withOneWordReplaced(quote, random);
                if (mutated.isPresent()) {
                    Verdict after = source.find(mutated.get()).verdict();
                    changed++;
                    changedAccepted += after.found() ? 1 : 0;
                    changedFuzzy += after == Verdict.FUZZY ? 1 : 0;
                }
                others++;
                if (other.find(quote).verdict().found()) {
                    othersAccepted++;
                    othersHaveIt += other.find(passage).verdict() == Verdict.EXACT ? 1 : 0;
                    misses.add("accepted in another page's text: " + quote);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d pages, %d quotes (half retyped), %.1f µs a quote%n", pages.size(), quotes, nanos / 1e3 / quotes);
        System.out.printf(Locale.ROOT, "found (exact or normalized): %d of %d, %.1f%%; in the main text (text.txt): %d, %.1f%%%n",
                found, quotes, 100.0 * found / quotes, inMainText, 100.0 * inMainText / quotes);
        System.out.printf(Locale.ROOT, "  of the passages text.txt and page.txt hold (%d, %.1f%%): %d found, %.1f%%%n", inText,
                100.0 * inText / quotes, foundInText, 100.0 * foundInText / inText);
        System.out.printf(Locale.ROOT, "text kept: text.txt %.1f MB, page.txt %.1f MB (%d of %d pages say more than their main text)%n",
                textChars / 1e6, pageChars / 1e6, wholePages.stream().filter(java.util.Objects::nonNull).count(), pages.size());
        System.out.printf(Locale.ROOT, "one word of 5+ letters replaced: %d quotes, accepted %d, fuzzy %d (%.1f%%)%n", changed,
                changedAccepted, changedFuzzy, 100.0 * changedFuzzy / changed);
        System.out.printf(Locale.ROOT, "another page's text: %d quotes, accepted %d (%d of them where that page has the passage as written)%n",
                others, othersAccepted, othersHaveIt);
        misses.forEach(miss -> System.out.println("  " + miss));
        speed(texts, wholePages, pages, random);
    }

    /**
     * Quotes a second: 1,000 quotes (half of them with a word replaced) over 200 texts of the
     * corpus, each text read for quotes once as {@code quote --batch} does, against reading those
     * texts from disk once; and the worst case, nearly-there quotes in texts of 1 and 4 MB (of
     * distinct pages), whose times must grow with the length, not its square, timed apart from
     * reading the texts' words. Medians of 5 rounds after a warm-up.
     */
    static void speed(List<String> texts, List<String> wholePages, List<ExtractionBenchmark.Page> pages, Random random)
            throws Exception {
        List<String> chosen = new ArrayList<>();
        List<String> chosenPages = new ArrayList<>();
        List<List<String>> passages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int p = i * pages.size() / 200;
            chosen.add(texts.get(p));
            chosenPages.add(wholePages.get(p));
            passages.add(pages.get(p).with().isEmpty() ? List.of("nothing") : pages.get(p).with());
        }
        List<Integer> quotedText = new ArrayList<>();
        List<String> quotes = new ArrayList<>();
        for (int i = 0; quotes.size() < 1000; i++) {
            List<String> some = passages.get(i % 200);
            String passage = some.get((i / 200) % some.size());
            quotedText.add(i % 200);
            quotes.add(quotes.size() % 2 == 0 ? passage : withOneWordReplaced(passage, random).orElse(passage));
        }
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("quote-bench");
        List<java.nio.file.Path> files = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            files.add(java.nio.file.Files.writeString(folder.resolve(i + ".txt"), chosen.get(i)));
            if (chosenPages.get(i) != null) {
                files.add(java.nio.file.Files.writeString(folder.resolve(i + ".page.txt"), chosenPages.get(i)));
            }
        }
        StringBuilder oneMb = new StringBuilder();
        for (int i = 0; oneMb.length() < 1_000_000; i++) {
            oneMb.append(texts.get(i % texts.size())).append("\n\n");
        }
        StringBuilder fourMb = new StringBuilder();
        for (int i = 0; fourMb.length() < 4_000_000; i++) {
            fourMb.append(texts.get(i % texts.size())).append("\n\n");
        }
        String one = oneMb.toString();
        String four = fourMb.toString();
        List<String> near = new ArrayList<>();
        for (int p = 0; near.size() < 20; p++) {
            for (String passage : pages.get(p).with()) {
                withOneWordReplaced(passage, random).ifPresent(near::add);
            }
        }
        List<Double> batchSeconds = new ArrayList<>();
        List<Double> readSeconds = new ArrayList<>();
        List<Double> oneSeconds = new ArrayList<>();
        List<Double> fourSeconds = new ArrayList<>();
        List<Double> oneWords = new ArrayList<>();
        List<Double> fourWords = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            // the 4 MB texts of the round before leave garbage whose collection would land in this round's batch
            System.gc();
            long start = System.nanoTime();
            for (java.nio.file.Path file : files) {
                java.nio.file.Files.readString(file);
            }
            long read = System.nanoTime() - start;
            start = System.nanoTime();
            List<QuoteFinder> finders = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                finders.add(chosenPages.get(i) == null ? QuoteFinder.of(chosen.get(i)) : QuoteFinder.of(chosen.get(i), chosenPages.get(i)));
            }
            for (int q = 0; q < quotes.size(); q++) {
                finders.get(quotedText.get(q)).find(quotes.get(q));
            }
            long quoted = System.nanoTime() - start;
            QuoteFinder inOneMb = QuoteFinder.of(one);
            inOneMb.find("nowhere to be found"); // reads the text's words
            start = System.nanoTime();
            near.forEach(inOneMb::find);
            long inOne = System.nanoTime() - start;
            QuoteFinder inFourMb = QuoteFinder.of(four);
            inFourMb.find("nowhere to be found");
            start = System.nanoTime();
            near.forEach(inFourMb::find);
            long inFour = System.nanoTime() - start;
            start = System.nanoTime();
            QuoteFinder.of(one).find("nowhere to be found");
            long wordsOne = System.nanoTime() - start;
            start = System.nanoTime();
            QuoteFinder.of(four).find("nowhere to be found");
            long wordsFour = System.nanoTime() - start;
            if (round > 0) { // the first round warms the JIT up
                readSeconds.add(read / 1e9);
                batchSeconds.add(quoted / 1e9);
                oneSeconds.add(inOne / 1e9);
                fourSeconds.add(inFour / 1e9);
                oneWords.add(wordsOne / 1e9);
                fourWords.add(wordsFour / 1e9);
            }
        }
        double batchTime = median(batchSeconds);
        System.out.printf(Locale.ROOT, "%d quotes over 200 texts: %.3f s, %.0f quotes/s; reading the 200 texts from disk once: %.3f s%n",
                quotes.size(), batchTime, quotes.size() / batchTime, median(readSeconds));
        System.out.printf(Locale.ROOT, "%d nearly-there quotes: %.3f s in a 1 MB text, %.3f s in a 4 MB one (ratio %.1f; 4 is linear)%n",
                near.size(), median(oneSeconds), median(fourSeconds), median(fourSeconds) / median(oneSeconds));
        System.out.printf(Locale.ROOT, "reading a text's words for quotes, once: %.3f s for 1 MB, %.3f s for 4 MB (ratio %.1f)%n",
                median(oneWords), median(fourWords), median(fourWords) / median(oneWords));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The passage as people retype it: straight quotes for curly and back, dashes swapped, doubled spaces, lower case first. */
    static String retyped(String passage, Random random) {
        String out = passage.replace('\u201C', '"').replace('\u201D', '"').replace('\u2019', '\'').replace('\u2018', '\'')
                .replace(" - ", " \u2013 ").replace("\u2014", "--");
        if (random.nextBoolean()) {
            out = out.replaceFirst(" ", "  ");
        }
        if (!out.isEmpty() && Character.isUpperCase(out.charAt(0))) {
            out = Character.toLowerCase(out.charAt(0)) + out.substring(1);
        }
        return out;
    }

    /** The quote with one word of five or more letters replaced by another word, when it has one. */
    static Optional<String> withOneWordReplaced(String quote, Random random) {
        String[] words = quote.split(" ");
        List<Integer> long5 = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].matches("\\p{L}{5,}")) {
                long5.add(i);
            }
        }
        if (long5.isEmpty()) {
            return Optional.empty();
        }
        int at = long5.get(random.nextInt(long5.size()));
        words[at] = words[at].equalsIgnoreCase("zebras") ? "giraffes" : "zebras";
        return Optional.of(String.join(" ", words));
    }
}
