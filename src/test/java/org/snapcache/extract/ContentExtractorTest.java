package org.snapcache.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void aTwoColumnPdfIsReadColumnByColumn() throws Exception {
        byte[] twoColumns;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                String[][] columns = {{"Left one.", "Left two.", "Left three."}, {"Right one.", "Right two.", "Right three."}};
                for (int c = 0; c < 2; c++) {
                    for (int line = 0; line < 3; line++) {
                        content.beginText();
                        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                        content.newLineAtOffset(72 + c * 250, 700 - line * 14);
                        content.showText(columns[c][line]);
                        content.endText();
                    }
                }
            }
            document.save(out);
            twoColumns = out.toByteArray();
        }

        String text = new ContentExtractor().extract(capture("application/pdf", Optional.empty(), twoColumns)).text();

        assertTrue(text.indexOf("Left three.") < text.indexOf("Right one."), text);
    }

    @Test
    void hyphenationAtLineEndsIsJoined() {
        assertEquals("learned optimization\nMesa-\nOptimizer", PdfTextExtractor.joinHyphenation("learned optimi-\nzation\nMesa-\nOptimizer"));
    }

    @Test
    void aPdfWithoutATitleIsTitledByItsFirstLine() throws Exception {
        PageText page = new ContentExtractor().extract(capture("application/pdf", Optional.empty(), pdf(null, "Risks from Learned Optimization")));
        assertEquals(Optional.of("Risks from Learned Optimization"), page.title());
    }

    @Test
    void anEncryptedPdfIsAnExtractionFailure() throws Exception {
        byte[] encrypted;
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf("Secret", "hidden text"));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy policy = new org.apache.pdfbox.pdmodel.encryption
                    .StandardProtectionPolicy("owner", "user", new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            document.protect(policy);
            document.save(out);
            encrypted = out.toByteArray();
        }
        ExtractionException e = assertThrows(ExtractionException.class, () -> new ContentExtractor().extract(
                capture("application/pdf", Optional.empty(), encrypted)));
        assertEquals("encrypted PDF: cannot read its text", e.getMessage());
    }

    @Test
    void damagedPdfIsAnExtractionFailure() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> new ContentExtractor().extract(
                capture("application/pdf", Optional.empty(), "%PDF-1.4 garbage".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().startsWith("damaged PDF"), e.getMessage());
    }

    @Test
    void binaryContentHasNoTextPreview() throws Exception {
        PageText page = new ContentExtractor().extract(capture("image/png", Optional.empty(), new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertFalse(page.textual());
        assertEquals("", page.text());
    }

    static final String SAMPLE = "Café crème, naïve façade, 1 € – “quoted”";

    PageText html(String contentType, Optional<String> headerCharset, byte[] body) throws Exception {
        return new ContentExtractor().extract(capture(contentType, headerCharset, body));
    }

    @Test
    void windows1252AndIso88591ComeOutRightFromTheirMetaTags() throws Exception {
        for (String charset : new String[] {"windows-1252", "ISO-8859-1"}) {
            String text = charset.equals("ISO-8859-1") ? "Café crème, naïve façade" : SAMPLE;
            byte[] bytes = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + charset + "\">"
                    + "</head><body><p>" + text + "</p></body></html>").getBytes(java.nio.charset.Charset.forName(charset));
            assertEquals(text, html("text/html", Optional.empty(), bytes).text(), charset);
        }
    }

    @Test
    void aMetaTagAfterALongScriptIsStillTheCharset() throws Exception {
        // a cookie banner's script fills the head's first 40 KB, as on shop.nmb-media.de
        String text = "Aus datenschutzrechtlichen Gründen wird die IP-Adresse anonymisiert.";
        byte[] bytes = ("<html><head><script>var settings = '" + "x".repeat(40_000) + "';</script>"
                + "<meta http-equiv=\"content-type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>" + text + "</p></body></html>")
                .getBytes(StandardCharsets.ISO_8859_1);

        PageText page = html("text/html", Optional.empty(), bytes);

        assertEquals(text, page.text());
        assertEquals(Optional.of("ISO-8859-1"), page.charset());
    }

    @Test
    void shiftJisAndGbkComeOutRightFromTheirMetaTags() throws Exception {
        String japanese = "メサ最適化とは、学習したモデル自体が最適化器である状況です。";
        String chinese = "台湾总统蔡英文的政治策略";
        assertEquals(japanese, html("text/html", Optional.empty(), ("<meta charset=\"Shift_JIS\"><p>" + japanese + "</p>")
                .getBytes(java.nio.charset.Charset.forName("Shift_JIS"))).text());
        assertEquals(chinese, html("text/html", Optional.empty(), ("<meta charset=\"GBK\"><p>" + chinese + "</p>")
                .getBytes(java.nio.charset.Charset.forName("GBK"))).text());
    }

    @Test
    void theHeaderWinsOverTheMetaTag() throws Exception {
        byte[] bytes = ("<meta charset=\"ISO-8859-1\"><p>" + SAMPLE + "</p>").getBytes(StandardCharsets.UTF_8);
        assertEquals(SAMPLE, html("text/html", Optional.of("utf-8"), bytes).text());
    }

    /** The text in UTF-16 (little- or big-endian), after its byte-order mark. */
    static byte[] utf16WithBom(String text, boolean littleEndian) {
        byte[] encoded = text.getBytes(littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        byte[] bytes = new byte[encoded.length + 2];
        bytes[0] = (byte) (littleEndian ? 0xFF : 0xFE);
        bytes[1] = (byte) (littleEndian ? 0xFE : 0xFF);
        System.arraycopy(encoded, 0, bytes, 2, encoded.length);
        return bytes;
    }

    @Test
    void aByteOrderMarkIsBelieved() throws Exception {
        assertEquals(SAMPLE, html("text/html", Optional.empty(), utf16WithBom("<p>" + SAMPLE + "</p>", true)).text());
    }

    @Test
    void undeclaredBytesAreUtf8WhenTheyDecodeAsItElseWindows1252() throws Exception {
        assertEquals(SAMPLE, html("text/html", Optional.empty(), ("<p>" + SAMPLE + "</p>").getBytes(StandardCharsets.UTF_8)).text());
        assertEquals(SAMPLE, html("text/html", Optional.empty(),
                ("<p>" + SAMPLE + "</p>").getBytes(java.nio.charset.Charset.forName("windows-1252"))).text());
        assertEquals(SAMPLE, html("text/plain", Optional.empty(), SAMPLE.getBytes(java.nio.charset.Charset.forName("windows-1252"))).text());
    }

    static final String JAPANESE = "ウェイバックマシンは、インターネットアーカイブが運営するウェブページの保存サービスである。"
            + "一九九六年から世界中のウェブサイトを収集しており、過去の時点のページを閲覧することができる。"
            + "研究者や記者は、削除された記事や変更された声明を確かめるためにこれを利用している。";
    static final String CHINESE = "互联网档案馆是一个非营利性的数字图书馆，致力于为研究人员、历史学家和学者提供永久的数字资料访问。"
            + "它保存了数以亿计的网页快照，用户可以查看网站在过去某个时间的样子。许多维基百科的引用都依赖这些存档。";
    static final String FRENCH = "L'été dernier, à Genève, la conférence a réuni des archivistes venus de toute l'Europe. "
            + "Leurs échanges ont porté sur la préservation des pages web, sur les difficultés que pose l'évolution "
            + "rapide des formats et sur le rôle des bibliothèques nationales ; « nous perdons chaque année une part "
            + "de notre mémoire », a déclaré la présidente, qui plaide pour une coopération accrue.";
    static final String RUSSIAN = "Архив интернета хранит копии веб-страниц с тысяча девятьсот девяносто шестого года. "
            + "Исследователи и журналисты используют его, чтобы проверить, что было написано на сайте в прошлом, "
            + "и найти статьи, которые были удалены или изменены.";

    @Test
    void undeclaredCharsetsAreDetectedFromTheBytes() throws Exception {
        String[][] cases = {{"Shift_JIS", JAPANESE}, {"GBK", CHINESE}, {"windows-1252", FRENCH}, {"ISO-8859-1", FRENCH},
                {"windows-1251", RUSSIAN}, {"EUC-JP", JAPANESE}, {"UTF-8", JAPANESE}};
        for (String[] c : cases) {
            java.nio.charset.Charset charset = java.nio.charset.Charset.forName(c[0]);
            String page = "<html><head><title>Archive</title></head><body><h1>Archive</h1><p>" + c[1] + "</p></body></html>";
            assertEquals("Archive\n\n" + c[1], html("text/html", Optional.empty(), page.getBytes(charset)).text(), c[0] + " in HTML");
            assertEquals(c[1], html("text/plain", Optional.empty(), c[1].getBytes(charset)).text(), c[0] + " as plain text");
        }
    }

    @Test
    void plainTextWithAUtf16ByteOrderMarkIsReadAsUtf16() throws Exception {
        assertEquals(FRENCH, html("text/plain", Optional.empty(), utf16WithBom(FRENCH, false)).text());
    }

    @Test
    void invisibleCharactersAreNormalised() throws Exception {
        PageText page = html("text/html", Optional.empty(),
                "<p>Zero\u200Bwidth, soft\u00ADhyphen, no&nbsp;break and a\u202Fnarrow one</p>".getBytes(StandardCharsets.UTF_8));
        assertEquals("Zerowidth, softhyphen, no break and a narrow one", page.text());
    }

    static byte[] pdf(String title, String text) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            if (title != null) {
                document.getDocumentInformation().setTitle(title);
            }
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

    @Test
    void aPageOfMoreElementsThanTheBudgetIsReadUpToItAndSaysSo() throws Exception {
        StringBuilder html = new StringBuilder("<html><head><title>Many</title></head><body><main>");
        for (int i = 0; i < 150_000; i++) {
            html.append("<p>paragraph ").append(i).append("</p>");
        }
        html.append("</main></body></html>");

        PageText page = new ContentExtractor(300).extract(capture("text/html", Optional.of("utf-8"),
                html.toString().getBytes(StandardCharsets.UTF_8)));

        assertEquals(Optional.of("Many"), page.title());
        assertTrue(page.text().contains("paragraph 99990"), "what was read is read");
        assertFalse(page.text().contains("paragraph 100005"), "nothing past the budget");
        assertTrue(page.warning().orElse("").startsWith("read the first 100,000 elements of the page"), page.warning().toString());
        assertTrue(new ContentExtractor(300).extract(capture("text/html", Optional.empty(),
                "<p>small</p>".getBytes(StandardCharsets.UTF_8))).warning().isEmpty());
    }

    @Test
    void aStrayNulByteInAnArticleLeavesItText() throws Exception {
        byte[] article;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
                ContentExtractorTest.class.getResourceAsStream("/extraction/caktusgroup.com.django.html.gz"))) {
            article = in.readAllBytes();
        }
        byte[] withNul = article.clone();
        withNul[4000] = 0;

        PageText clean = new ContentExtractor().extract(capture("text/html", Optional.empty(), article));
        PageText page = new ContentExtractor().extract(capture("text/html", Optional.empty(), withNul));

        assertTrue(page.textual() && page.text().length() > 1000, page.text());
        assertEquals(clean.title(), page.title());
    }

    @Test
    void aLabelIsTakenAtItsWordUnlessTheFirstBytesAreAnotherKindOfFile() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        ExtractionException image = assertThrows(ExtractionException.class,
                () -> new ContentExtractor().extract(capture("text/html", Optional.empty(), png)));
        assertEquals("binary content labelled text/html (image/png by its first bytes, 16 bytes)", image.getMessage());

        PageText pdf = new ContentExtractor().extract(capture("text/html", Optional.empty(), pdf("A report", "Findings of the report")));
        assertTrue(pdf.text().contains("Findings of the report"), pdf.text());
    }

    @Test
    void whatNothingLabelsIsSniffedByTheWhatwgRules() {
        assertEquals("text/html", MimeSniffing.unlabelled("\n  <!doctype html><title>x</title>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("text/html", MimeSniffing.unlabelled("<p>a paragraph".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("text/plain", MimeSniffing.unlabelled("<pre>not a tag the rules know".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("text/xml", MimeSniffing.unlabelled("<?xml version=\"1.0\"?><feed/>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("application/pdf", MimeSniffing.unlabelled("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("image/gif", MimeSniffing.unlabelled("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("text/plain", MimeSniffing.unlabelled("plain words".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("application/octet-stream", MimeSniffing.unlabelled(new byte[] {'a', 'b', 0, 'c'}));
        assertEquals("text/plain", MimeSniffing.unlabelled(new byte[] {(byte) 0xff, (byte) 0xfe, 'a', 0}));
    }

    @Test
    void aPdfIsReadToItsEndWhenTheWholeTextIsKept() throws Exception {
        byte[] report;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String[] words = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett"};
            for (int p = 1; p <= 40; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    for (int line = 0; line < 40; line++) {
                        content.beginText();
                        content.newLineAtOffset(72, 720 - 16 * line);
                        content.showText(p == 40 && line == 39 ? "The report ends here."
                                : "A sentence of the report about " + words[(p * 7 + line) % words.length] + " and " + words[line % 10] + ".");
                        content.endText();
                    }
                }
            }
            document.save(out);
            report = out.toByteArray();
        }

        String preview = new ContentExtractor(300).extract(capture("application/pdf", Optional.empty(), report)).text();
        String whole = new ContentExtractor(300, 10_000_000).extract(capture("application/pdf", Optional.empty(), report)).text();

        assertFalse(preview.contains("The report ends here."), "a preview reads only as far as it needs");
        assertTrue(whole.contains("The report ends here."), "the whole text reads the last of 40 pages");
    }
}
