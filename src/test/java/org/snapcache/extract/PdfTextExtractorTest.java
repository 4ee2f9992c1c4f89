package org.snapcache.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfTextExtractorTest {

    static final PdfTextExtractor EXTRACTOR = new PdfTextExtractor(6000, false, Duration.ofSeconds(30));

    /** A PDF whose pages hold the given lines, top to bottom, each line a text object at the left margin. */
    static byte[] pdf(List<List<String>> pages) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (int i = 0; i < lines.size(); i++) {
                        content.beginText();
                        content.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 11);
                        content.newLineAtOffset(72, 740 - i * 16);
                        content.showText(lines.get(i));
                        content.endText();
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    static final String[] WORDS = {"archives", "captures", "citations", "editors", "readers", "servers", "pages", "links",
        "snapshots", "sources", "claims", "records", "crawls", "indexes", "mirrors", "copies", "notes", "revisions", "quotes", "dates"};

    /** Six lines no other page has, the first naming the page: "Section 3 opens…". */
    static List<String> body(int page) {
        List<String> lines = new ArrayList<>();
        lines.add("Section " + page + " opens with a sentence about " + WORDS[page % WORDS.length] + ".");
        for (int i = 1; i < 5; i++) {
            lines.add("It says " + WORDS[(page + i) % WORDS.length] + " outlast " + WORDS[(page * 3 + i) % WORDS.length]
                    + " when " + WORDS[(page * 7 + i * 2) % WORDS.length] + " are kept,");
        }
        lines.add("and ends page " + page + " with a claim about " + WORDS[(page * 5 + 3) % WORDS.length] + ".");
        return lines;
    }

    @Test
    void runningHeadersFootersAndPageNumbersAreDropped() throws Exception {
        List<List<String>> pages = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            List<String> lines = new ArrayList<>();
            lines.add(page % 2 == 1 ? "Journal of Archival Studies 12 (2025) 101-" + (110 + page) : "J. Archival Stud.");
            lines.addAll(body(page));
            lines.add("Page " + page + " of 4");
            lines.add("Downloaded from archives.example.org on 3 March 2025");
            pages.add(lines);
        }

        String text = EXTRACTOR.extract(pdf(pages)).text();

        for (int page = 1; page <= 4; page++) {
            assertTrue(text.contains("Section " + page + " opens with a sentence about "), text);
            assertTrue(text.contains("and ends page " + page + " with a claim about"), text);
        }
        assertFalse(text.contains("Journal of Archival"), text);
        assertFalse(text.contains("J. Archival Stud."), text);
        assertFalse(text.contains("Page "), text);
        assertFalse(text.contains("Downloaded from"), text);
    }

    @Test
    void aBarePageNumberGoesEvenOnASinglePage() throws Exception {
        List<String> lines = new ArrayList<>(body(1));
        lines.add("- 7 -");

        assertEquals(String.join("\n", body(1)), EXTRACTOR.extract(pdf(List.of(lines))).text());
    }

    @Test
    void aLineOfTheTextThatRecursOnlyOnceIsKept() throws Exception {
        List<List<String>> pages = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            List<String> lines = new ArrayList<>(body(page));
            if (page == 2) {
                lines.add(0, "Results");
            }
            pages.add(lines);
        }

        assertTrue(EXTRACTOR.extract(pdf(pages)).text().contains("Results\nSection 2"));
    }

    @Test
    void theLineNumbersOfAManuscriptAreDropped() throws Exception {
        List<List<String>> pages = new ArrayList<>();
        int number = 1;
        for (int page = 1; page <= 2; page++) {
            List<String> lines = new ArrayList<>();
            for (String line : List.of("We study how wikis cite the web and how", "often the cited pages change after", "the citation was made. Our sample holds",
                    "twelve thousand citations from three", "wikis, each checked against its archive", "capture on the day it was cited.")) {
                lines.add(number++ + " " + line);
            }
            pages.add(lines);
        }

        String text = EXTRACTOR.extract(pdf(pages)).text();

        assertTrue(text.startsWith("We study how wikis cite the web and how\noften the cited pages change after"), text);
        assertFalse(text.matches("(?s).*\\d.*"), text);
    }

    @Test
    void numberedParagraphsThatAreNotLineNumbersStay() {
        List<String> page = List.of("1 Introduction", "Archives keep the web's past.", "Wikis cite it.", "2 Method", "We sampled citations.");

        assertEquals(page, PdfTextExtractor.withoutLineNumbers(page));
    }

    @Test
    void readingStopsOnceThePreviewHasTextToSpare() throws Exception {
        List<List<String>> pages = new ArrayList<>();
        for (int page = 1; page <= 20; page++) {
            pages.add(body(page));
        }
        byte[] pdf = pdf(pages);

        String text = new PdfTextExtractor(1100, false, Duration.ofSeconds(30)).extract(pdf).text();

        assertTrue(text.contains("Section 3 opens"), "at least three pages are read: " + text);
        assertTrue(text.contains("Section 4 opens"), "and as many more as 1100 characters need: " + text);
        assertFalse(text.contains("Section 5 opens"), text);
        assertTrue(EXTRACTOR.extract(pdf).text().contains("Section 20 opens"));
    }

    @Test
    void aPdfThatCannotBeReadInTimeIsAFailureNotAHang() throws Exception {
        byte[] pdf = pdf(List.of(body(1)));

        ExtractionException e = assertThrows(ExtractionException.class, () -> new PdfTextExtractor(400, false, Duration.ZERO).extract(pdf));
        assertTrue(e.getMessage().startsWith("PDF too slow to read"), e.getMessage());
    }

    @Test
    void theLinesOfATableOfContentsStayOutOfTheText() {
        List<String> pages = PdfTextExtractor.withoutRunningLines(List.of(
                List.of("Contents", "1 Introduction .................... 3", "2 Risks from mesa-optimizers . . . . . . . 12",
                        "Appendix A ........ iv"),
                List.of("1 Introduction", "Learned optimizers may pursue objectives... of their own.")));

        assertEquals("Contents", pages.get(0));
        assertTrue(pages.get(1).contains("objectives... of their own."), "an ellipsis in prose stays");
    }
}
