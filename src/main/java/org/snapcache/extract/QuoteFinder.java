package org.snapcache.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a text says what a quote says: as written ({@code exact}); once case, white space,
 * quote marks, dashes, ligatures and other compatibility forms, punctuation and hyphenation at
 * line ends are set aside ({@code normalized}); or nearly, a word changed or a clause dropped
 * ({@code fuzzy}, with a score and the passage the text really has). The fuzzy search looks only
 * where the quote's words occur, so its cost grows with the text's length, not its square.
 */
public final class QuoteFinder {

    /** How strongly the text bears the quote out, strongest first. */
    public enum Verdict {
        EXACT, NORMALIZED, FUZZY, ABSENT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the text says what the quote says. */
        public boolean found() {
            return this == EXACT || this == NORMALIZED;
        }
    }

    /**
     * @param offset where the passage begins in the text, in characters (code points)
     * @param passage what the text has there; for {@code absent}, empty
     * @param context the passage with some text either side
     * @param onPage whether the passage is in the whole page's text rather than the main text
     */
    public record Match(Verdict verdict, double score, int offset, String passage, String context, boolean onPage) {

        private Match inWholePage() {
            return new Match(verdict, score, offset, passage, context, true);
        }
    }

    /** The least score of a fuzzy match: one word in three of the quote may differ. */
    static final double FUZZY_SCORE = 0.66;
    /** The longest quote searched for fuzzily, in words: a page of prose; longer ones are found as written or not at all. */
    static final int MAX_FUZZY_WORDS = 400;
    /** Characters of context either side of a passage. */
    static final int CONTEXT = 60;
    /** Windows of the text tried by the fuzzy search, those where most of the quote's words are. */
    private static final int CANDIDATES = 8;

    private final String text;
    private final QuoteFinder page;
    private Words words;

    private QuoteFinder(String text, QuoteFinder page) {
        this.text = text;
        this.page = page;
    }

    /** A finder of quotes in {@code text}: its words are read once, for the first quote that needs them. */
    public static QuoteFinder of(String text) {
        return new QuoteFinder(text, null);
    }

    /**
     * A finder of quotes in a page's main text and, for a quote the main text does not bear out,
     * in the whole page's text: the captions, tables, lists and asides a main text may leave out
     * are what the page says too.
     */
    public static QuoteFinder of(String mainText, String wholePage) {
        return new QuoteFinder(mainText, of(wholePage));
    }

    /** Where {@code quote} is in {@code text}, asked once. */
    public static Match find(String text, String quote) {
        return of(text).find(quote);
    }

    /**
     * Where the quote is: in the main text as written or normalized; else in the whole page's
     * text so; else the closer of the two fuzzy passages, the main text's on a tie.
     */
    public Match find(String quote) {
        Match main = findInText(quote);
        if (main.verdict().found() || page == null) {
            return main;
        }
        Match onPage = page.findInText(quote);
        if (onPage.verdict().found() || onPage.verdict() == Verdict.FUZZY && onPage.score() > main.score()) {
            return onPage.inWholePage();
        }
        return main;
    }

    private Match findInText(String quote) {
        String wanted = quote.strip();
        if (wanted.isEmpty()) {
            return absent();
        }
        int at = text.indexOf(wanted);
        if (at >= 0) {
            return match(text, Verdict.EXACT, 1.0, at, at + wanted.length());
        }
        Words quoted = Words.of(wanted);
        if (quoted.size() == 0) {
            return absent();
        }
        if (words == null) {
            words = Words.of(text);
        }
        int start = words.indexOf(quoted);
        if (start >= 0) {
            return match(text, Verdict.NORMALIZED, 1.0, words.begin(start), words.end(start + quoted.size() - 1));
        }
        // the alignment takes memory and time with the square of the quote's words
        return quoted.size() <= MAX_FUZZY_WORDS ? fuzzy(quoted) : absent();
    }

    private Match fuzzy(Words quoted) {
        // where the text has the quote's words: one pass over the text, holding only those
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int q = 0; q < quoted.size(); q++) {
            positions.putIfAbsent(quoted.word(q), new ArrayList<>());
        }
        for (int i = 0; i < words.size(); i++) {
            List<Integer> at = positions.get(words.word(i));
            if (at != null) {
                at.add(i);
            }
        }
        // where the quote's words are in the text: each occurrence votes for the quote starting there
        Map<Integer, Integer> votes = new HashMap<>();
        for (int q = 0; q < quoted.size(); q++) {
            List<Integer> found = positions.get(quoted.word(q));
            // a word found everywhere says nothing about where the quote is
            if (found != null && found.size() <= Math.max(20, words.size() / 50)) {
                for (int position : found) {
                    votes.merge((position - q) / Math.max(1, quoted.size() / 2), 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<Integer, Integer>> best = new ArrayList<>(votes.entrySet());
        best.sort((a, b) -> b.getValue() - a.getValue());
        Alignment found = null;
        int slack = quoted.size() / 2 + 2;
        for (Map.Entry<Integer, Integer> candidate : best.subList(0, Math.min(CANDIDATES, best.size()))) {
            int from = Math.max(0, candidate.getKey() * Math.max(1, quoted.size() / 2) - slack);
            int to = Math.min(words.size(), from + quoted.size() + 3 * slack);
            Alignment alignment = Alignment.of(quoted, words, from, to);
            if (found == null || alignment.score() > found.score()) {
                found = alignment;
            }
        }
        if (found == null || found.score() < FUZZY_SCORE) {
            return absent();
        }
        return match(text, Verdict.FUZZY, found.score(), words.begin(found.first()), words.end(found.last()));
    }

    private static Match absent() {
        return new Match(Verdict.ABSENT, 0, -1, "", "", false);
    }

    private static Match match(String text, Verdict verdict, double score, int begin, int end) {
        int from = Math.max(0, begin - CONTEXT);
        int to = Math.min(text.length(), end + CONTEXT);
        String context = (from > 0 ? "..." : "") + text.substring(from, to).replaceAll("\\s+", " ").strip()
                + (to < text.length() ? "..." : "");
        return new Match(verdict, Math.round(score * 1000) / 1000.0, text.codePointCount(0, begin), text.substring(begin, end),
                context, false);
    }

    /**
     * A text as words: letters, digits and symbols in lower case, by Unicode's compatibility forms (so
     * ligatures and full-width forms read as their letters), with where each begins and ends in
     * the text. Everything else separates words, except a hyphen at a line's end, which joins.
     */
    record Words(String[] words, int[] begins, int[] ends) {

        static Words of(String text) {
            List<String> words = new ArrayList<>();
            int[] begins = new int[64];
            int[] ends = new int[64];
            StringBuilder word = new StringBuilder();
            int begin = -1;
            int i = 0;
            while (i < text.length()) {
                int c = text.codePointAt(i);
                int next = i + Character.charCount(c);
                if (Character.getType(c) == Character.FORMAT && begin >= 0) {
                    i = next; // a soft hyphen or a zero-width joiner: invisible, and the text drops them
                    continue;
                }
                if (isWordCharacter(c) || Character.getType(c) == Character.NON_SPACING_MARK && begin >= 0) {
                    if (begin < 0) {
                        begin = i;
                    }
                    if (c < 0x80) {
                        word.append(Character.toLowerCase((char) c));
                    } else {
                        word.append(Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
                    }
                    i = next;
                    continue;
                }
                int joined = begin >= 0 ? hyphenatedLineEnd(text, i) : -1;
                if (joined > 0) {
                    i = joined; // "exam-\nple" reads as "example"
                    continue;
                }
                if (begin >= 0) {
                    if (words.size() == begins.length) {
                        begins = Arrays.copyOf(begins, begins.length * 2);
                        ends = Arrays.copyOf(ends, ends.length * 2);
                    }
                    begins[words.size()] = begin;
                    ends[words.size()] = i;
                    words.add(composed(word));
                    word.setLength(0);
                    begin = -1;
                }
                i = next;
            }
            if (begin >= 0) {
                if (words.size() == begins.length) {
                    begins = Arrays.copyOf(begins, begins.length + 1);
                    ends = Arrays.copyOf(ends, ends.length + 1);
                }
                begins[words.size()] = begin;
                ends[words.size()] = text.length();
                words.add(composed(word));
            }
            return new Words(words.toArray(String[]::new), begins, ends);
        }

        /**
         * Letters, digits and symbols ({@code $ % # & @ +}, currency, mathematical and other
         * signs): what a quote says. Punctuation and spaces only part its words.
         */
        private static boolean isWordCharacter(int c) {
            int type = Character.getType(c);
            return Character.isLetterOrDigit(c) || type == Character.CURRENCY_SYMBOL || type == Character.MATH_SYMBOL
                    || type == Character.OTHER_SYMBOL || c == '#' || c == '%' || c == '&' || c == '@';
        }

        /** A word with its accents composed ("e" and U+0301 as "é"); most words are ASCII and need no work. */
        private static String composed(CharSequence word) {
            for (int i = 0; i < word.length(); i++) {
                if (word.charAt(i) >= 0x80) {
                    return Normalizer.normalize(word, Normalizer.Form.NFKC);
                }
            }
            return word.toString();
        }

        /** Past a hyphen, spaces, one line break and spaces before a lower-case letter; -1 if {@code i} is not such a place. */
        private static int hyphenatedLineEnd(String text, int i) {
            char c = text.charAt(i);
            if (c != '-' && c != '\u00AD' && c != '\u2010') {
                return -1;
            }
            int j = i + 1;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (j >= text.length() || text.charAt(j) != '\n') {
                return -1;
            }
            j++;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            return j < text.length() && Character.isLowerCase(text.codePointAt(j)) ? j : -1;
        }

        int size() {
            return words.length;
        }

        String word(int i) {
            return words[i];
        }

        int begin(int i) {
            return begins[i];
        }

        int end(int i) {
            return ends[i];
        }

        /** The first index at which {@code quote}'s words occur in these, one after another; -1 if they do not. */
        int indexOf(Words quote) {
            outer:
            for (int i = 0; i + quote.size() <= size(); i++) {
                for (int j = 0; j < quote.size(); j++) {
                    if (!quote.matches(j, words[i + j])) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /**
         * Whether this quote's word {@code i} is {@code word} of a text: the quote's first word may
         * be the end of a word and its last the start of one, as a quote cut from a text often is.
         */
        boolean matches(int i, String word) {
            String quoted = words[i];
            return quoted.equals(word) || size() > 1
                    && (i == 0 && word.endsWith(quoted) || i == size() - 1 && word.startsWith(quoted));
        }
    }

    /**
     * The stretch of words {@code from}-{@code to} that is closest to the quote, by the fewest
     * words changed, dropped or added (a Levenshtein distance over words, free to start and end
     * anywhere in the stretch); its score is 1 less that distance over the quote's length.
     */
    record Alignment(double score, int first, int last) {

        static Alignment of(Words quote, Words text, int from, int to) {
            int n = quote.size();
            int m = to - from;
            if (m <= 0) {
                return new Alignment(0, from, from);
            }
            int[][] cost = new int[n + 1][m + 1];
            int[][] start = new int[n + 1][m + 1];
            for (int j = 0; j <= m; j++) {
                start[0][j] = j; // the passage may begin anywhere
            }
            for (int i = 1; i <= n; i++) {
                cost[i][0] = i;
                for (int j = 1; j <= m; j++) {
                    boolean same = quote.matches(i - 1, text.word(from + j - 1));
                    int replace = cost[i - 1][j - 1] + (same ? 0 : 1);
                    int dropped = cost[i - 1][j] + 1;
                    int added = cost[i][j - 1] + 1;
                    if (replace <= dropped && replace <= added) {
                        cost[i][j] = replace;
                        start[i][j] = start[i - 1][j - 1];
                    } else if (dropped <= added) {
                        cost[i][j] = dropped;
                        start[i][j] = start[i - 1][j];
                    } else {
                        cost[i][j] = added;
                        start[i][j] = start[i][j - 1];
                    }
                }
            }
            int bestEnd = 1;
            for (int j = 1; j <= m; j++) {
                if (cost[n][j] < cost[n][bestEnd]) {
                    bestEnd = j;
                }
            }
            int first = from + Math.min(start[n][bestEnd], bestEnd - 1);
            return new Alignment(Math.max(0, 1 - (double) cost[n][bestEnd] / n), first, from + bestEnd - 1);
        }
    }
}
