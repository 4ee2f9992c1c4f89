package org.snapcache.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.snapcache.extract.QuoteFinder.Match;
import org.snapcache.extract.QuoteFinder.Verdict;

class QuoteFinderTest {

    static final String TEXT = """
            Risks from Learned Optimization
            We analyze the type of learned optimization that occurs when a learned model (such as a neural \
            network) is itself an optimizer — a situation we refer to as “mesa-optimization,” a neologism we \
            introduce in this paper. We believe that the possibility of mesa-optimization raises two important \
            questions for the safety and transparency of advanced machine learning systems. First, under what \
            circumstances will learned models be optimizers, including when they should not be? Second, when a \
            learned model is an optimizer, what will its objective be—how will it differ from the loss func-
            tion it was trained under—and how can it be aligned?
            """;

    @Test
    void aQuoteAsWrittenIsExactWithItsOffset() {
        Match match = QuoteFinder.find(TEXT, "a neologism we introduce in this paper");
        assertEquals(Verdict.EXACT, match.verdict());
        assertEquals(1.0, match.score());
        assertEquals(TEXT.indexOf("a neologism"), match.offset());
        assertEquals("a neologism we introduce in this paper", match.passage());
    }

    @Test
    void aQuoteRetypedAsPeopleRetypeIsNormalized() {
        for (String retyped : new String[] {
            "a situation we refer to as \"mesa-optimization,\" a neologism",
            "A situation  we refer to as 'mesa optimization' - a neologism",
            "how will it differ from the loss function it was trained under",
            "ﬁrst, under what circumstances will learned models be optimizers"}) {
            Match match = QuoteFinder.find(TEXT, retyped);
            assertEquals(Verdict.NORMALIZED, match.verdict(), retyped);
        }
        assertEquals("loss func-\ntion it was trained under",
                QuoteFinder.find(TEXT, "the loss function it was trained under").passage().substring(4));
    }

    @Test
    void aChangedWordOrADroppedClauseIsFuzzyWithWhatTheTextSays() {
        Match changed = QuoteFinder.find(TEXT, "We believe that the possibility of mesa-optimization raises two critical questions for the safety");
        assertEquals(Verdict.FUZZY, changed.verdict());
        assertTrue(changed.score() > 0.9 && changed.score() < 1, String.valueOf(changed.score()));
        assertTrue(changed.passage().contains("two important questions"), changed.passage());

        Match dropped = QuoteFinder.find(TEXT, "when a learned model is an optimizer, how can it be aligned");
        assertEquals(Verdict.ABSENT, dropped.verdict(), "too much dropped: " + dropped);
        Match clause = QuoteFinder.find(TEXT, "First, under what circumstances will learned models be optimizers?");
        assertEquals(Verdict.NORMALIZED, clause.verdict());
        Match shorter = QuoteFinder.find(TEXT,
                "under what circumstances will learned models be optimizers, when they should not be");
        assertEquals(Verdict.FUZZY, shorter.verdict(), shorter.toString());
    }

    @Test
    void whatTheTextDoesNotSayIsAbsent() {
        assertEquals(Verdict.ABSENT, QuoteFinder.find(TEXT, "Large language models are trained on the internet").verdict());
        assertEquals(Verdict.ABSENT, QuoteFinder.find(TEXT, "   ").verdict());
        assertEquals(-1, QuoteFinder.find(TEXT, "nothing of the kind").offset());
    }

    @Test
    void accentsReadTheSameComposedOrNot() {
        assertEquals(Verdict.NORMALIZED, QuoteFinder.find("Le café est fermé.", "le cafe\u0301 est ferme\u0301").verdict());
    }

    @Test
    void aQuoteOfAWholeArticleIsFoundAsWrittenButNotSearchedFuzzily() {
        String article = "Words of an article, one sentence after another. ".repeat(2_000);
        assertEquals(Verdict.EXACT, QuoteFinder.find(article, article.strip()).verdict());
        assertEquals(Verdict.NORMALIZED, QuoteFinder.find(article, article.toUpperCase()).verdict());
        assertEquals(Verdict.ABSENT, QuoteFinder.find(article, article.replaceFirst("sentence", "clause")).verdict());
    }

    @Test
    void softHyphensAndZeroWidthCharactersInAQuoteAreSetAside() {
        // the text as snapcache keeps it drops them; a quote copied from the page may keep them
        String text = "Werkzeugtypen und ihre Laufzeiten behandelt.";

        assertEquals(QuoteFinder.Verdict.NORMALIZED, QuoteFinder.find(text, "Werk\u00ADzeug\u00ADty\u00ADpen und ihre Lauf\u200Bzei\u00ADten").verdict());
    }

    @Test
    void aQuoteTheMainTextLeavesOutIsLookedForInTheWholePage() {
        String main = "The council voted to close the library on Sundays from March.";
        String page = "Home | News\nThe council voted to close the library on Sundays from March.\n"
                + "Photo: the reading room, opened in 1911 by the mayor\nContact us";
        QuoteFinder source = QuoteFinder.of(main, page);

        QuoteFinder.Match inMain = source.find("close the library on Sundays");
        assertEquals(QuoteFinder.Verdict.EXACT, inMain.verdict());
        assertFalse(inMain.onPage());
        QuoteFinder.Match caption = source.find("The Reading Room, opened in 1911");
        assertEquals(QuoteFinder.Verdict.NORMALIZED, caption.verdict());
        assertTrue(caption.onPage());
        assertEquals(page.indexOf("the reading room"), caption.offset());
        // nearly there in both: the main text's passage, the one the page is about
        QuoteFinder.Match changed = source.find("The council voted to close the museum on Sundays from March");
        assertEquals(QuoteFinder.Verdict.FUZZY, changed.verdict());
        assertFalse(changed.onPage());
        assertEquals(QuoteFinder.Verdict.ABSENT, source.find("an entirely different statement about zebras").verdict());
        assertEquals(QuoteFinder.Verdict.ABSENT, QuoteFinder.find(main, "The Reading Room, opened in 1911").verdict());
    }
}
