package org.snapcache.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlTextExtractorTest {

    static PageText extract(String html) {
        return new HtmlTextExtractor().extract(Jsoup.parse(html));
    }

    @Test
    void rubyReadingsAreNotPartOfTheText() {
        // NHK News Web Easy prints a reading over each kanji word
        PageText page = extract("<p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくす</p>");
        assertEquals("子どもへの虐待をなくす", page.text());
    }

    @Test
    void theWholePagesTextIsReadBesideTheMainTextWhenAsked() {
        String html = "<body><nav>Home | News</nav><header>The Daily Gazette</header><article><h1>Library hours</h1>"
                + "<p>" + "The council voted to close the library on Sundays from March. ".repeat(8) + "</p>"
                + "<figure><figcaption>The reading room, opened in 1911</figcaption></figure></article>"
                + "<aside><ul><li>Concert by candlelight, Görlitzer Str. 45</li></ul></aside>"
                + "<footer>Contact us</footer><script>var hidden = 1;</script><div style='display:none'>Hidden</div></body>";

        PageText both = new HtmlTextExtractor(true).extract(Jsoup.parse(html));

        assertFalse(both.text().contains("Görlitzer"), both.text());
        String page = both.wholePage().orElseThrow();
        for (String shown : new String[] {"The Daily Gazette", "Library hours", "opened in 1911", "Concert by candlelight, Görlitzer Str. 45",
                "Contact us"}) {
            org.junit.jupiter.api.Assertions.assertTrue(page.contains(shown), shown + " in " + page);
        }
        for (String unseen : new String[] {"Home | News", "var hidden", "Hidden"}) {
            assertFalse(page.contains(unseen), unseen + " in " + page);
        }
        assertEquals(both.text(), extract(html).text());
        assertEquals(Optional.empty(), extract(html).wholePage());
    }

    @Test
    void paragraphsAreSeparatedByOneBlankLine() {
        PageText page = extract("<h1>Title</h1><p>First   paragraph\n spans lines.</p><p>Second.</p>");
        assertEquals("Title\n\nFirst paragraph spans lines.\n\nSecond.", page.text());
    }

    @Test
    void listItemsAndTableRowsAreLinesOfTheirOwn() {
        PageText page = extract("<ul><li>one</li><li>two</li></ul><table><tr><th>a</th><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>");
        assertEquals("one\ntwo\n\na | b\nc | d", page.text());
    }

    @Test
    void blocksInsideShortCellsStayOnTheRowsLine() {
        PageText page = extract("<table><tr><td><p>Site</p></td><td><p>Address<br>line</p></td></tr></table>");
        assertEquals("Site | Address line", page.text());
    }

    @Test
    void layoutTableCellsKeepTheirParagraphs() {
        String long1 = "word ".repeat(50).strip();
        PageText page = extract("<table><tr><td><p>" + long1 + "</p><p>second</p></td></tr></table>");
        assertEquals(long1 + "\n\nsecond", page.text());
    }

    @Test
    void divsHoldingTextAreLines() {
        PageText page = extract("<div>alpha<div>beta</div>gamma</div>");
        assertEquals("alpha\nbeta\ngamma", page.text());
    }

    @Test
    void dropsScriptsNavigationFormsAndHiddenElements() {
        PageText page = extract("<header>Site header</header><nav>Menu</nav><script>var x = 1;</script><style>p{}</style>"
                + "<noscript>Enable JS</noscript><form>Search <input></form><p hidden>secret</p>"
                + "<p style='display: none'>invisible</p><div aria-hidden='true'>icons</div><p>Kept.</p><footer>Footer</footer>");
        assertEquals("Kept.", page.text());
    }

    @Test
    void keepsHeadersInsideAnArticle() {
        PageText page = extract("<article><header><h1>Post</h1></header><p>Body</p></article>");
        assertEquals("Post\n\nBody", page.text());
    }

    @Test
    void decodesEntitiesAndCollapsesNonBreakingSpaces() {
        PageText page = extract("<p>caf&eacute; &amp; cr&egrave;me&nbsp;&nbsp;br&ucirc;l&eacute;e &#128512;</p>");
        assertEquals("café & crème brûlée 😀", page.text());
    }

    @Test
    void lineBreaksBreakLines() {
        assertEquals("one\ntwo", extract("<p>one<br>two</p>").text());
    }

    @Test
    void preformattedTextKeepsItsLines() {
        assertEquals("intro\n\nline 1\n  line 2", extract("<p>intro</p><pre>line 1\n  line 2\n</pre>").text());
    }

    @Test
    void titleFromTitleElementThenOpenGraphThenHeading() {
        assertEquals(Optional.of("A title"), extract("<title> A \n title </title><p>x</p>").title());
        assertEquals(Optional.of("OG"), extract("<meta property='og:title' content='OG'><h1>H</h1>").title());
        assertEquals(Optional.of("H"), extract("<h1>H</h1>").title());
        assertEquals(Optional.empty(), extract("<p>no title</p>").title());
    }

    @Test
    void emptyPageGivesEmptyText() {
        PageText page = extract("");
        assertEquals("", page.text());
        assertFalse(page.title().isPresent());
    }
}
