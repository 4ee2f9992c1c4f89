package org.snapcache.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.snapcache.archive.Capture;

class ContentExtractorTest {

    static Capture capture(String type, Optional<String> charset, byte[] body) {
        return new Capture("https://web.archive.org/web/20200101000000id_/https://example.org/x", Capture.ARCHIVE,
                "20200101000000", "20200101000000", Optional.empty(), 200, type, charset, body);
    }

    @Test
    void plainTextIsTakenAsItIs() throws Exception {
        PageText page = new ContentExtractor().extract(capture("text/plain", Optional.of("ISO-8859-1"),
                "Caf\u00e9 menu\r\n\r\n  indented line  \r\n".getBytes(StandardCharsets.ISO_8859_1)));

        assertEquals("Café menu\n\n  indented line", page.text());
        assertEquals(Optional.empty(), page.title());
    }

    @Test
    void htmlCharsetComesFromTheHeaderThenTheMetaTag() throws Exception {
        byte[] latin = "<meta charset=iso-8859-1><title>R\u00e9sum\u00e9</title><p>na\u00efve</p>".getBytes(StandardCharsets.ISO_8859_1);

        PageText page = new ContentExtractor().extract(capture("text/html", Optional.empty(), latin));

        assertEquals(Optional.of("Résumé"), page.title());
        assertEquals("naïve", page.text());
        assertEquals(Optional.of("ISO-8859-1"), page.charset());
    }

    @Test
    void unlabelledContentIsSniffed() throws Exception {
        PageText page = new ContentExtractor().extract(capture("", Optional.empty(),
                "<!DOCTYPE html><html><body><p>sniffed</p></body></html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("sniffed", page.text());
    }

    @Test
    void pdfTextAndTitleComeFromPdfBox() throws Exception {
        PageText page = new ContentExtractor().extract(capture("application/pdf", Optional.empty(),
                pdf("Risks from Learned Optimization", "We analyze the type of learned optimization")));

        assertEquals(Optional.of("Risks from Learned Optimization"), page.title());
        assertTrue(page.text().contains("We analyze the type of learned optimization"), page.text());
    }

    @Test
    void damagedPdfIsAnExtractionFailure() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> new ContentExtractor().extract(
                capture("application/pdf", Optional.empty(), "%PDF-1.4 garbage".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().startsWith("damaged PDF"), e.getMessage());
    }

    @Test
    void binaryContentHasNoTextPreview() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> new ContentExtractor().extract(
                capture("image/png", Optional.empty(), new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        assertEquals("no text preview for content type image/png (4 bytes)", e.getMessage());
    }

    static byte[] pdf(String title, String text) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            document.getDocumentInformation().setTitle(title);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
