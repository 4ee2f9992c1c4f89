package org.snapcache.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TextStatsTest {

    @Test
    void countsEveryElementInOneWalkAsTextWouldMeasureIt() {
        Document page = Jsoup.parse("<div id=all><h2 id=title>Rivers,  lakes</h2>"
                + "<p id=prose>Water flows, rises and falls,\n  every   year.</p>"
                + "<ul id=links><li><a href=/a>Alpha</a></li><li><a href=/b>Beta</a> and more</li></ul></div>");
        TextStats stats = TextStats.of(page.body());

        for (String id : new String[] {"all", "title", "prose", "links"}) {
            Element element = page.getElementById(id);
            assertEquals(element.text().length(), stats.text(element), 3, id + ": within a few separators of text()");
        }
        Element links = page.getElementById("links");
        assertEquals(9.0 / 18, stats.linkDensity(links), 0.01);
        assertEquals(0, stats.linkDensity(page.getElementById("prose")));
        assertEquals(3, stats.commas(page.getElementById("all")));
        assertEquals("Rivers, lakes".length(), stats.headings(page.getElementById("all")));
    }

    @Test
    void anElementAddedAfterTheWalkIsCountedOnDemand() {
        Document page = Jsoup.parse("<p>one</p>");
        TextStats stats = TextStats.of(page.body());
        Element added = page.body().appendElement("p").text("two three");

        assertEquals(9, stats.text(added));
    }

    @Test
    void removingAnElementKeepsEveryAncestorsCountsAsARecountWouldGiveThem() {
        Document page = Jsoup.parse("<div id=all><section id=main><p>Water flows, rises and falls.</p>"
                + "<ul id=related><li><a href=/a>Alpha, beta</a></li></ul></section><h2 id=h>Rivers</h2></div>");
        TextStats stats = TextStats.of(page.body());
        Element related = page.getElementById("related");

        assertEquals(true, stats.remove(related));
        related.remove();

        TextStats recounted = TextStats.of(page.body());
        for (Element element : page.body().getAllElements()) {
            assertEquals(recounted.text(element), stats.text(element), element.tagName());
            assertEquals(recounted.linkDensity(element), stats.linkDensity(element), 1e-9, element.tagName());
            assertEquals(recounted.commas(element), stats.commas(element), element.tagName());
            assertEquals(recounted.headings(element), stats.headings(element), element.tagName());
        }
    }

    @Test
    void removingFromInsideAHeadingAsksForARecount() {
        Document page = Jsoup.parse("<h2><span id=x>Rivers</span> and lakes</h2>");

        assertEquals(false, TextStats.of(page.body()).remove(page.getElementById("x")));
    }

    @Test
    void skippedElementsAreCountedAsIfRemoved() {
        Document page = Jsoup.parse("<div id=all><p>Seen, here.</p><nav><a href=/>Home, away</a></nav></div>");
        TextStats skipping = TextStats.of(page.body(), element -> element.normalName().equals("nav"));
        page.selectFirst("nav").remove();
        TextStats after = TextStats.of(page.body());

        Element all = page.getElementById("all");
        assertEquals(after.text(all), skipping.text(all));
        assertEquals(after.commas(all), skipping.commas(all));
        assertEquals(0, skipping.linkDensity(all));
    }
}
