package org.snapcache.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MainContentFinderTest {

    static final String PROSE = "Mesa-optimization is the situation that occurs when a learned model, such as a neural network, "
            + "is itself an optimizer. A base optimizer, for example gradient descent, searches for a model that does well "
            + "on the base objective, and that model may in turn run a search of its own, towards a mesa-objective.";

    static String text(String html) {
        return new HtmlTextExtractor().extract(Jsoup.parse(html)).text();
    }

    @Test
    void theArticleWinsOverTheSidebarAndTheTeasers() {
        String text = text("<body><div class='skip-link'><a href='#c'>Skip to content</a></div>"
                + "<div id='cookie-banner'><p>We use cookies. Accept all?</p></div>"
                + "<div class='layout'><article><h1>Mesa-Optimization</h1><p>" + PROSE + "</p><p>" + PROSE + "</p></article>"
                + "<div class='sidebar'><h3>Popular</h3><p>Ten tricks to train faster, number seven will surprise you.</p></div>"
                + "<div class='related-posts'><a href='/a'>Inner alignment</a> <a href='/b'>Outer alignment</a></div></div>"
                + "<div class='share-buttons'>Share on Twitter</div></body>");

        assertTrue(text.startsWith("Mesa-Optimization\n\nMesa-optimization is the situation"), text);
        for (String boilerplate : new String[] {"Skip to content", "cookies", "Popular", "Inner alignment", "Share on"}) {
            assertFalse(text.contains(boilerplate), boilerplate + " in: " + text);
        }
    }

    @Test
    void theLeadSetBeforeTheBodyBlockComesWithIt() {
        String text = text("<body><nav><a href='/'>Home</a></nav><div class='story'>"
                + "<div class='story-lead'><p>The river rose two metres overnight, and the old town was evacuated.</p></div>"
                + "<div class='article-body'><p>" + PROSE + "</p></div></div>"
                + "<div class='teaser-list'><a href='/x'>Another story entirely, with a long title to read</a></div></body>");

        assertTrue(text.startsWith("The river rose two metres overnight"), text);
        assertTrue(text.contains(PROSE), text);
        assertFalse(text.contains("Another story"), text);
    }

    @Test
    void theLeadInsideTheArticlesHeaderComesToo() {
        String text = text("<body><article><header><h1>Floods</h1><p class='byline'>By A. Writer</p>"
                + "<h2 class='article-subheadline'>Two metres overnight: the old town was evacuated before dawn.</h2></header>"
                + "<div class='article-body'><p>" + PROSE + "</p></div></article></body>");

        assertTrue(text.startsWith("Two metres overnight"), text);
        assertFalse(text.contains("By A. Writer"), text);
    }

    @Test
    void aShortPageOfLinksIsNotPrunedToNothing() {
        String text = text("<body><div id='wrapper'><p>Our petition: <a href='/p'>sign the petition here</a>, "
                + "<a href='/q'>read the letter</a> and <a href='/r'>share it with friends</a>.</p></div></body>");

        assertTrue(text.contains("sign the petition here"), text);
    }

    @Test
    void theInnermostContentBlockWinsOverAWrapper() {
        String text = text("<div class='content'><div class='entry-content'><p>" + PROSE + "</p></div>"
                + "<div class='comments'><p>First! Great post, thanks for sharing it with all of us here today.</p></div></div>");

        assertEquals(PROSE, text);
    }

    @Test
    void withoutMarkupProseVotesForItsBlock() {
        String links = "<div><a href='/1'>Home</a> <a href='/2'>News</a> <a href='/3'>Sport</a> <a href='/4'>Weather</a></div>";
        String text = text("<body>" + links + "<div><div><p>" + PROSE + "</p><p>" + PROSE + "</p></div></div>" + links + "</body>");

        assertEquals(PROSE + "\n\n" + PROSE, text);
    }

    @Test
    void aShortPageKeepsAllItsText() {
        assertEquals("Opening hours\n\nMonday to Friday, 9 to 5.", text("<h2>Opening hours</h2><p>Monday to Friday, 9 to 5.</p>"));
    }

    @Test
    void aBlockWhoseClassSoundsLikeBoilerplateButHoldsProseStays() {
        String text = text("<div class='post-header-and-body'><p>" + PROSE + PROSE + PROSE + "</p></div>");
        assertTrue(text.startsWith("Mesa-optimization"), text);
    }

    @Test
    void aShortLineBeforeALinkListGoesWithItButALongOneStays() {
        String longLine = "A heading that runs on for well over sixty letters before it ends here";
        String text = text("<body><article><p>" + PROSE + "</p><p>" + PROSE + "</p>"
                + "<div><b>Related reading</b></div><ul class='related'><li><a href=/a>Inner alignment</a></li></ul>"
                + "<div><b>" + longLine + "</b></div><ul class='related'><li><a href=/b>Outer alignment</a></li></ul>"
                + "</article></body>");

        assertFalse(text.contains("Related reading"), text);
        assertTrue(text.contains(longLine), text);
        assertFalse(text.contains("alignment"), text);
    }
}
