package org.snapcache.extract;

import java.io.IOException;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** Text of a PDF's first pages, enough for a preview, and its title from the document information. */
public final class PdfTextExtractor {

    private final int maxPages;

    public PdfTextExtractor(int maxPages) {
        this.maxPages = maxPages;
    }

    /** Words broken at a line end ("optimi-\nzation") are joined; a hyphen before a capital stays ("Mesa-\nOptimizer"). */
    static String joinHyphenation(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' && i > 0 && Character.isLetter(text.charAt(i - 1)) && i + 2 < text.length()
                    && text.charAt(i + 1) == '\n' && Character.isLowerCase(text.charAt(i + 2))) {
                i++;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    public PageText extract(byte[] pdf) throws ExtractionException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false); // content-stream order reads a two-column paper column by column
            stripper.setStartPage(1);
            stripper.setEndPage(Math.min(maxPages, document.getNumberOfPages()));
            String text = joinHyphenation(PlainText.normalise(stripper.getText(document)));
            Optional<String> title = Optional.ofNullable(document.getDocumentInformation().getTitle())
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .or(() -> text.lines().map(String::strip).filter(line -> !line.isEmpty() && line.length() <= 200).findFirst());
            return new PageText(title, text, Optional.empty());
        } catch (InvalidPasswordException e) {
            throw new ExtractionException("encrypted PDF: cannot read its text", e);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("damaged PDF: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")), e);
        }
    }
}
