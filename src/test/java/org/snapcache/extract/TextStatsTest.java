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
}
