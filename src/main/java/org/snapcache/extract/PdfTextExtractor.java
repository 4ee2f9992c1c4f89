package org.snapcache.extract;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Text of a PDF's first pages, as many as the preview needs, and its title from the document
 * information. Reading stops at a page count, a time limit and a memory limit, so that one huge
 * or hostile PDF cannot stall or sink a nightly run.
 */
public final class PdfTextExtractor {

    /** Pages read at most for a preview, whatever it needs: a PDF of scanned images has no text to find. */
    static final int MAX_PREVIEW_PAGES = 30;
    /** Pages read at least when the document has them: a running header is recognised by repeating. */
    static final int MIN_PAGES = 3;
    /** Memory PDFBox may use for decoded streams; beyond it the PDF is refused, not the heap exhausted. */
    static final long MAX_MEMORY = 64L * 1024 * 1024;

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)[-–—\\s]*(?:page|p\\.|seite|página|pagina)?\\s*\\d{1,4}(?:\\s*(?:/|of|von|de|sur)\\s*\\d{1,4})?[-–—\\s]*");
    private static final Pattern NUMBERED_LINE = Pattern.compile("(\\d{1,4})(?:\\s+(.*))?");

    /**
     * PDFBox reports every font it cannot map through java.util.logging; a damaged PDF is already
     * reported once, as the resource's {@code lastError}. Set when PDFs are first read, so that
     * commands that read none do not start the logging system; held so it is not collected.
     */
    private static final Logger PDFBOX = Logger.getLogger("org.apache.pdfbox");

    static {
        PDFBOX.setLevel(Level.SEVERE);
    }

    private final int wantedChars;
    private final int maxPages;
    private final Duration timeLimit;

    /**
     * @param wantedChars characters of text after which no further page is read
     * @param wholeText whether to read every page (within the time limit), not a preview's {@link #MAX_PREVIEW_PAGES}
     * @param timeLimit time after which reading stops; the pages read so far are kept
     */
    public PdfTextExtractor(int wantedChars, boolean wholeText, Duration timeLimit) {
        this.wantedChars = wantedChars;
        this.maxPages = wholeText ? Integer.MAX_VALUE : MAX_PREVIEW_PAGES;
        this.timeLimit = timeLimit;
    }

    public PageText extract(byte[] pdf) throws ExtractionException {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY).streamCache)) {
            List<List<String>> pages = new ArrayList<>();
            int last = Math.min(maxPages, document.getNumberOfPages());
            int chars = 0;
            for (int number = 1; number <= last && (chars < wantedChars || pages.size() < MIN_PAGES); number++) {
                Optional<String> page = page(document, number, deadline);
                if (page.isEmpty()) {
                    if (pages.isEmpty()) {
                        throw new ExtractionException("PDF too slow to read: no page done in " + timeLimit.toSeconds() + " s");
                    }
                    break;
                }
                List<String> lines = PlainText.normalise(page.get()).lines().toList();
                chars += page.get().length();
                pages.add(lines);
            }
            String text = joinHyphenation(PlainText.normalise(String.join("\n\n", withoutRunningLines(pages))));
            Optional<String> title = Optional.ofNullable(document.getDocumentInformation().getTitle())
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .or(() -> text.lines().map(String::strip).filter(line -> !line.isEmpty() && line.length() <= 200).findFirst());
            PageText read = new PageText(title, text, Optional.empty());
            return maxPages == Integer.MAX_VALUE && pages.size() < document.getNumberOfPages() && chars < wantedChars
                    ? read.withWarning("read the first " + pages.size() + " of " + document.getNumberOfPages() + " pages in "
                            + timeLimit.toSeconds() + " s")
                    : read;
        } catch (InvalidPasswordException e) {
            throw new ExtractionException("encrypted PDF: cannot read its text", e);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("damaged PDF: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")), e);
        }
    }

    /** One page's text, or nothing when the deadline passed while reading it. */
    private static Optional<String> page(PDDocument document, int number, long deadline) throws IOException {
        if (System.nanoTime() > deadline) {
            return Optional.empty();
        }
        PDFTextStripper stripper = new PDFTextStripper() {
            private int operators;

            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                if (++operators % 1000 == 0 && System.nanoTime() > deadline) {
                    throw new OutOfTime();
                }
                super.processOperator(operator, operands);
            }
        };
        stripper.setSortByPosition(false); // content-stream order reads a two-column paper column by column
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        try {
            return Optional.of(stripper.getText(document));
        } catch (OutOfTime e) {
            return Optional.empty();
        }
    }

    /** Thrown from inside PDFBox's content-stream loop to abandon a page. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("out of time", null, false, false);
        }
    }

    /**
     * The pages' lines without what the typesetter repeats rather than the author wrote: page
     * numbers at a page's top or bottom, running headers and footers (a line among a page's first
     * or last three that recurs, digits aside, on at least half the pages, and on two or more), the
     * lines of a table of contents (a title, a dot leader, a page number), and the line numbers of
     * a manuscript that numbers its lines.
     */
    /** A table of contents' line: four or more dots, spaced or not, then a page number at the end. */
    private static final Pattern DOT_LEADER = Pattern.compile("(?:\\.\\s?){4,}\\s*[0-9ivxlc]+\\s*$");

    static List<String> withoutRunningLines(List<List<String>> pages) {
        Map<String, Integer> edgeCounts = new HashMap<>();
        for (List<String> page : pages) {
            Set<String> seen = new HashSet<>();
            for (String line : edges(page)) {
                if (seen.add(shape(line))) {
                    edgeCounts.merge(shape(line), 1, Integer::sum);
                }
            }
        }
        Set<String> running = new HashSet<>();
        edgeCounts.forEach((shape, count) -> {
            if (pages.size() >= 2 && count >= 2 && count * 2 >= pages.size()) {
                running.add(shape);
            }
        });
        List<String> out = new ArrayList<>();
        for (List<String> page : pages) {
            List<String> lines = withoutLineNumbers(page);
            Set<String> edges = new HashSet<>(edges(lines));
            StringBuilder kept = new StringBuilder();
            for (String line : lines) {
                boolean edge = edges.contains(line);
                if (edge && (running.contains(shape(line)) || PAGE_NUMBER.matcher(line.strip()).matches())
                        || DOT_LEADER.matcher(line).find()) {
                    continue;
                }
                kept.append(line).append('\n');
            }
            out.add(kept.toString().strip());
        }
        return out;
    }

    /** The first and last three non-blank lines of a page. */
    private static List<String> edges(List<String> page) {
        List<String> text = page.stream().filter(line -> !line.isBlank()).toList();
        List<String> edges = new ArrayList<>(text.subList(0, Math.min(3, text.size())));
        edges.addAll(text.subList(Math.max(0, text.size() - 3), text.size()));
        return edges;
    }

    /** A line with its digits and case ignored: "Page 3 of 12" and "Page 4 of 12" have one shape. */
    private static String shape(String line) {
        return line.strip().replaceAll("\\d+", "#").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /**
     * A page whose lines mostly start with, or are, numbers rising through the page (1, 2, 3… or
     * 5, 10, 15…) is a manuscript with numbered lines: the numbers go, the text stays.
     */
    static List<String> withoutLineNumbers(List<String> page) {
        List<Integer> numbered = new ArrayList<>();
        int previous = -1;
        int rising = 0;
        for (int i = 0; i < page.size(); i++) {
            Matcher m = NUMBERED_LINE.matcher(page.get(i).strip());
            if (m.matches()) {
                int value = Integer.parseInt(m.group(1));
                if (value > previous) {
                    rising++;
                }
                previous = value;
                numbered.add(i);
            }
        }
        long textLines = page.stream().filter(line -> !line.isBlank()).count();
        if (rising < 5 || rising * 2 < textLines) {
            return page;
        }
        List<String> out = new ArrayList<>(page);
        for (int i : numbered) {
            Matcher m = NUMBERED_LINE.matcher(page.get(i).strip());
            m.matches();
            out.set(i, m.group(2) == null ? "" : m.group(2));
        }
        return out;
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
}
