package org.snapcache.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreviewCutterTest {

    static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    @Test
    void shortTextIsKeptWhole() {
        assertEquals("short text", new PreviewCutter(100).cut("short text"));
        assertEquals("exactly10!", new PreviewCutter(10).cut("exactly10!"));
    }

    @Test
    void cutsBackToTheLastWordBoundary() {
        assertEquals("The quick brown", new PreviewCutter(18).cut("The quick brown fox jumps"));
    }

    @Test
    void prefersTheEndOfASentenceInTheLastTenth() {
        String text = "word ".repeat(190) + "The end. Of it all" + " and more".repeat(20);
        String preview = new PreviewCutter(1000).cut(text);
        assertTrue(preview.endsWith("The end."), preview.substring(preview.length() - 20));
    }

    @Test
    void aSentenceEndBeforeTheLastTenthGivesWayToAWordBoundary() {
        String text = "Short. " + "word ".repeat(300);
        String preview = new PreviewCutter(1000).cut(text);
        assertTrue(preview.length() > 900 && preview.endsWith("word"), preview.length() + "");
    }

    @Test
    void keepsAWordThatEndsExactlyAtTheLimit() {
        assertEquals("The quick brown fox", new PreviewCutter(19).cut("The quick brown fox jumps"));
    }

    @Test
    void neverExceedsTheLimitInCodePoints() {
        String text = "word ".repeat(1000);
        for (int limit = 1; limit < 60; limit++) {
            String preview = new PreviewCutter(limit).cut(text);
            assertTrue(codePoints(preview) <= limit, limit + ": " + preview);
        }
    }

    @Test
    void countsAstralCharactersAsOneAndNeverSplitsThem() {
        String text = "😀".repeat(30);
        String preview = new PreviewCutter(7).cut(text);
        assertEquals("😀".repeat(7), preview);
        assertEquals(7, codePoints(preview));
        assertFalse(Character.isHighSurrogate(preview.charAt(preview.length() - 1)));
    }

    @Test
    void aTextAtTheLimitInCodePointsIsKeptWholeThoughLongerInChars() {
        String text = "😀 ".repeat(6) + "😀"; // 13 code points in 20 chars
        assertEquals(text, new PreviewCutter(13).cut(text));
        assertEquals("😀 ".repeat(5) + "😀", new PreviewCutter(12).cut(text));
        assertEquals("a😀", new PreviewCutter(2).cut("a😀"));
        String unpaired = "ab\uD83D"; // a lone high surrogate at the end counts as one
        assertEquals(unpaired, new PreviewCutter(3).cut(unpaired));
    }

    @Test
    void astralCharactersBetweenWordsSurviveTheCut() {
        String preview = new PreviewCutter(15).cut("𝔘𝔫𝔦 code 𝔠𝔬𝔡𝔢 points");
        assertEquals("𝔘𝔫𝔦 code 𝔠𝔬𝔡𝔢", preview);
        assertEquals("𝔘𝔫𝔦 code", new PreviewCutter(12).cut("𝔘𝔫𝔦 code 𝔠𝔬𝔡𝔢 points"));
    }

    @Test
    void aSingleHugeWordIsCutAtTheLimit() {
        assertEquals("a".repeat(10), new PreviewCutter(10).cut("a".repeat(50)));
    }

    @Test
    void textWithoutSpacesInCjkIsCutBetweenCharacters() {
        String text = "機械学習モデルが最適化を行う状況をメサ最適化と呼ぶ。".repeat(3);
        String preview = new PreviewCutter(10).cut(text);
        assertEquals(text.substring(0, text.offsetByCodePoints(0, 10)), preview);
    }

    @Test
    void isDeterministic() {
        String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(100);
        PreviewCutter cutter = new PreviewCutter(3000);
        assertEquals(cutter.cut(text), cutter.cut(new String(text)));
    }

    @Test
    void dropsTrailingWhitespaceAtTheCut() {
        assertEquals("one two", new PreviewCutter(9).cut("one two\n\nthree"));
    }
}
