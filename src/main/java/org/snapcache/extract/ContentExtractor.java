package org.snapcache.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.mozilla.universalchardet.Constants;
import org.mozilla.universalchardet.UniversalDetector;
import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.snapcache.archive.Capture;
import org.snapcache.config.Settings;

/** Chooses how to read a capture by its content type (sniffing when the archive gave none) and reads it. */
public final class ContentExtractor {

    private final HtmlTextExtractor html;
    private final PdfTextExtractor pdf;

    /** The most elements of an HTML page read: the memory a page takes is bounded by it. */
    static final int MAX_ELEMENTS = 100_000;

    /** An extractor for previews of about {@code previewChars} characters. */
    public ContentExtractor(int previewChars) {
        this(previewChars, 0);
    }

    /**
     * An extractor for previews of about {@code previewChars} characters and, when
     * {@code fullTextChars} is not 0, whole texts of up to that many: a PDF is then read to its
     * end, within the same time limit, and an HTML page's whole text is read beside its main text.
     */
    public ContentExtractor(int previewChars, int fullTextChars) {
        this.html = new HtmlTextExtractor(fullTextChars > 0);
        // twice the preview, so that the cut and the dropping of running headers have text to spare
        this.pdf = new PdfTextExtractor(Math.max(2 * previewChars, fullTextChars), fullTextChars > 0, Duration.ofSeconds(15));
    }

    /** An extractor for previews of the default length. */
    public ContentExtractor() {
        this(Settings.DEFAULT_PREVIEW_CHARS);
    }

    public PageText extract(Capture capture) throws ExtractionException {
        return extract(capture, document -> { });
    }

    /**
     * @param prepare what to do to an HTML page once parsed, before it is read: for a replay page,
     *     the archive's work of removing its chrome and restoring the links it rewrote
     */
    public PageText extract(Capture capture, Consumer<Document> prepare) throws ExtractionException {
        PageText page = read(capture, prepare);
        return new PageText(page.title().map(ContentExtractor::printable), printable(page.text()), page.charset(), page.textual(),
                page.warning(), page.wholePage().map(ContentExtractor::printable));
    }

    private PageText read(Capture capture, Consumer<Document> prepare) throws ExtractionException {
        String type = capture.mediaType();
        byte[] body = capture.body();
        if (body.length == 0) {
            throw new ExtractionException("the archive returned an empty body (HTTP " + capture.httpStatus() + ")");
        }
        if (type.isEmpty() || type.equals("application/octet-stream") || type.equals("unk") || type.equals("text/unknown")) {
            type = MimeSniffing.unlabelled(body);
        }
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            // browsers take the label's word for it; an archive's label, though, may be the page's
            // that once stood at the URL, so a body that begins as a file of another kind is that
            Optional<String> binary = MimeSniffing.binarySignature(body);
            if (binary.equals(Optional.of("application/pdf"))) {
                return pdf.extract(body);
            }
            if (binary.isPresent() || MimeSniffing.mostlyBinary(body)) {
                throw new ExtractionException("binary content labelled " + type + " ("
                        + binary.map(found -> found + " by its first bytes, ").orElse("") + body.length + " bytes)");
            }
            return html(capture, body, prepare);
        }
        if (type.equals("application/pdf")) {
            return pdf.extract(body);
        }
        if (type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")) {
            Charset charset = charset(capture.charset()).or(() -> MimeSniffing.bom(body))
                    .orElseGet(() -> isUtf8(body) ? StandardCharsets.UTF_8 : detect(body));
            return new PageText(Optional.empty(), PlainText.normalise(new String(body, charset)), Optional.of(charset.name()));
        }
        if (isBinary(type)) {
            return PageText.binary();
        }
        throw new ExtractionException("no text preview for content type " + capture.mediaType() + " (" + body.length + " bytes)");
    }

    private PageText html(Capture capture, byte[] page, Consumer<Document> prepare) throws ExtractionException {
        int cut = elementBudgetEnd(page);
        byte[] body = cut < page.length ? Arrays.copyOf(page, cut) : page;
        try {
            String declared = charset(capture.charset()).map(Charset::name).orElse(null);
            Document document = Jsoup.parse(new ByteArrayInputStream(body), declared, capture.archiveUrl());
            if (declared == null && MimeSniffing.bom(body).isEmpty()) {
                Optional<Charset> inPage = declaredCharset(document);
                // a meta tag past the first bytes jsoup looks at, after a long script: a browser
                // reads the page again in the charset it names
                boolean late = inPage.isPresent() && !inPage.get().equals(document.charset());
                if ((inPage.isEmpty() || late) && !isUtf8(body)) {
                    // else nothing says what the bytes are, and they are not UTF-8
                    Charset charset = late ? inPage.get() : detect(body);
                    document = Jsoup.parse(new ByteArrayInputStream(body), charset.name(), capture.archiveUrl());
                }
            }
            prepare.accept(document);
            PageText text = html.extract(document);
            return cut < page.length ? text.withWarning(String.format(Locale.ROOT,
                    "read the first %,d elements of the page (%,d of %,d bytes): a page of more is too complex to read whole",
                    MAX_ELEMENTS, cut, page.length)) : text;
        } catch (IOException e) {
            throw new ExtractionException("cannot parse HTML: " + e.getMessage(), e);
        }
    }

    /**
     * Where the page's first {@link #MAX_ELEMENTS} start tags end: the HTML read of a page, as
     * its document takes some 200 bytes of memory an element whatever the bytes of its markup
     * (10 MB of {@code <b>x</b>} would be 300 MB). An article has a few thousand.
     */
    static int elementBudgetEnd(byte[] body) {
        if (MimeSniffing.bom(body).filter(bom -> !bom.equals(StandardCharsets.UTF_8)).isPresent()) {
            return body.length; // UTF-16: two bytes a character; its size is bounded by max-body all the same
        }
        int tags = 0;
        for (int i = 0; i + 1 < body.length; i++) {
            if (body[i] == '<' && ((body[i + 1] | 0x20) >= 'a' && (body[i + 1] | 0x20) <= 'z') && ++tags > MAX_ELEMENTS) {
                return i;
            }
        }
        return body.length;
    }

    /** Images, audio, video, fonts and archives: recorded with their type and size, without a preview. */
    private static boolean isBinary(String type) {
        return type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/") || type.startsWith("font/")
                || type.equals("application/octet-stream") || type.equals("application/zip") || type.equals("application/gzip")
                || type.equals("application/x-tar") || type.equals("application/x-7z-compressed")
                || type.equals("application/vnd.rar") || type.equals("application/x-rar-compressed");
    }

    /**
     * Text without control characters other than line breaks and tabs, so that a preview is safe
     * to {@code cat} to a terminal; zero-width characters and soft hyphens, invisible in the
     * page, are removed too, and no-break spaces read as spaces.
     */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                // printable ASCII, most of any text: kept as it is
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            boolean dropped = Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t'
                    || c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
            boolean space = c == '\u00A0' || c == '\u202F' || c == '\u2007';
            if ((dropped || space) && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && !dropped) {
                out.append(space ? ' ' : c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static Optional<Charset> charset(Optional<String> name) {
        try {
            return name.map(n -> Charset.forName(n.trim().replace("\"", "")));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /**
     * The charset of bytes nothing labels and that are not UTF-8, by Mozilla's statistical
     * detector (Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR, Cyrillic and Greek single-byte sets…);
     * windows-1252, the web's default before UTF-8, when it cannot tell.
     */
    static Charset detect(byte[] body) {
        byte[] text = withoutMarkup(body);
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(text, 0, text.length);
        detector.dataEnd();
        // the detector takes windows-1251 Russian for Mac Cyrillic, which the web hardly ever used
        return charset(Optional.ofNullable(detector.getDetectedCharset()).map(name -> name.equals(Constants.CHARSET_MACCYRILLIC) ? "windows-1251" : name))
                .filter(found -> !found.equals(StandardCharsets.UTF_8) && !found.equals(StandardCharsets.US_ASCII))
                .orElse(Charset.forName("windows-1252"));
    }

    /** The bytes outside {@code <…>}: tags and attribute names are ASCII and only blur the statistics of the text. */
    private static byte[] withoutMarkup(byte[] body) {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream(body.length);
        boolean inTag = false;
        for (byte b : body) {
            if (b == '<') {
                inTag = true;
            } else if (b == '>' && inTag) {
                inTag = false;
                text.write(' ');
            } else if (!inTag) {
                text.write(b);
            }
        }
        return text.toByteArray();
    }

    private static final Evaluator CHARSET_DECLARATION =
            QueryParser.parse("meta[charset], meta[http-equiv~=(?i)^content-type$][content~=(?i)charset]");

    /** The charset the page's first meta tag names, if it names one Java knows. */
    private static Optional<Charset> declaredCharset(Document document) {
        org.jsoup.nodes.Element meta = document.selectFirst(CHARSET_DECLARATION);
        if (meta == null) {
            return Optional.empty();
        }
        String name = meta.hasAttr("charset") ? meta.attr("charset")
                : meta.attr("content").replaceFirst("(?i)^.*charset\\s*=\\s*", "").replaceFirst("[;\\s].*$", "");
        return charset(Optional.of(name));
    }

    /** Whether the bytes decode as UTF-8, decoded a piece at a time into a small buffer rather than into a copy of the page. */
    private static boolean isUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                out.clear();
                return !decoder.flush(out).isError();
            }
            out.clear();
        }
    }
}
