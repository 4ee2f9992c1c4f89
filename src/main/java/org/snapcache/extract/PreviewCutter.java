package org.snapcache.extract;

/**
 * Cuts the preview: at most {@code maxCodePoints} code points of the text, ending at a word
 * boundary, never inside a surrogate pair. A pure function, so the same text always gives the
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
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxCodePoints);
        return text.substring(0, wordBoundary(text, end)).stripTrailing();
    }

    /**
     * The last word boundary at or before {@code end}: before a space, or next to an ideograph or
     * kana (scripts written without spaces). Looks back at most half the preview; a single word
     * longer than that is cut where the limit falls.
     */
    private int wordBoundary(String text, int end) {
        int floor = text.offsetByCodePoints(0, maxCodePoints / 2);
        int at = end;
        while (at > floor) {
            int after = text.codePointAt(at);
            int before = text.codePointBefore(at);
            if (Character.isBmpCodePoint(after) && HtmlTextExtractor.isSpace((char) after)
                    || unspaced(after) || unspaced(before)) {
                return at;
            }
            at -= Character.charCount(before);
        }
        return end;
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
