package org.snapcache.extract;

/**
 * Cuts the preview: at most {@code maxCodePoints} code points of the text, ending at the end of
 * a sentence or else of a word, never inside a surrogate pair. A pure function, so the same text always gives the
 * same preview and a cache kept in git does not churn.
 */
public final class PreviewCutter {

    private final int maxCodePoints;

    public PreviewCutter(int maxCodePoints) {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be positive");
        }
        this.maxCodePoints = maxCodePoints;
    }

    public String cut(String text) {
        int end = offsetOf(text, maxCodePoints);
        if (end < 0) {
            return text;
        }
        return text.substring(0, wordBoundary(text, end)).stripTrailing();
    }

    /**
     * Where the {@code codePoints}-th code point ends, or -1 if the text has no more than that:
     * read no further than the preview, however long the page's text.
     */
    private static int offsetOf(String text, int codePoints) {
        if (text.length() <= codePoints) {
            return -1; // never more code points than chars
        }
        int at = 0;
        for (int n = 0; n < codePoints; n++) {
            if (at >= text.length()) {
                return -1;
            }
            at += Character.isHighSurrogate(text.charAt(at)) && at + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(at + 1)) ? 2 : 1;
        }
        return at < text.length() ? at : -1;
    }

    /**
     * Where to cut at or before {@code end}: after the last sentence end in the last tenth of the
     * preview, else at the last word boundary there (a space, or next to an ideograph or kana,
     * scripts written without spaces), else where the limit falls. Short previews look back a
     * little further, up to twenty characters, so that they keep whole words.
     */
    private int wordBoundary(String text, int end) {
        int window = Math.max(maxCodePoints / 10, Math.min(20, maxCodePoints / 2));
        int floor = offsetOf(text, maxCodePoints - window);
        for (int at = end; at > floor; at -= Character.charCount(text.codePointBefore(at))) {
            int before = text.codePointBefore(at);
            boolean atSpaceOrEnd = at == text.length() || Character.isWhitespace(text.codePointAt(at));
            if (isSentenceEnd(before) && atSpaceOrEnd) {
                return at;
            }
        }
        for (int at = end; at > floor; at -= Character.charCount(text.codePointBefore(at))) {
            int after = text.codePointAt(at);
            int before = text.codePointBefore(at);
            if (Character.isBmpCodePoint(after) && HtmlTextExtractor.isSpace((char) after) || unspaced(after) || unspaced(before)) {
                return at;
            }
        }
        return end;
    }

    private static boolean isSentenceEnd(int codePoint) {
        return codePoint == '.' || codePoint == '!' || codePoint == '?' || codePoint == '\u3002' || codePoint == '\uFF01'
                || codePoint == '\uFF1F';
    }

    private static boolean unspaced(int codePoint) {
        if (Character.isIdeographic(codePoint)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.THAI;
    }
}
