package org.snapcache.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.snapcache.archive.DomWalk;

/**
 * The title and readable text of an HTML page: what a reader sees, one block to a line, with
 * paragraphs separated by a blank line. Scripts, styles, navigation, page headers and footers,
 * forms and hidden elements are dropped first.
 */
public final class HtmlTextExtractor {

    /** Blocks after which a blank line follows. */
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
            "ul", "ol", "dl", "table", "figure", "hr", "address", "details");
    /** Blocks that start a new line. */
    private static final Set<String> LINES = Set.of("div", "li", "tr", "dt", "dd", "section", "article", "main", "aside",
            "header", "footer", "figcaption", "caption", "thead", "tbody", "tfoot", "summary", "center", "body", "html",
            "option", "legend", "fieldset", "nav", "form");
    /**
     * Elements never read: code, embedded objects, navigation, controls, what the page hides, and
     * ruby annotations (the readings printed small above Japanese or Chinese words, not the text).
     */
    private static final Set<String> DROPPED_TAGS = Set.of("script", "style", "noscript", "template", "nav", "iframe", "svg",
            "canvas", "object", "embed", "button", "select", "input", "textarea", "dialog", "rt", "rp");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private static final Evaluator ARTICLE_OR_MAIN = QueryParser.parse("article, main");

    private final MainContentFinder mainContent = new MainContentFinder();
    private final boolean wholePage;

    /** An extractor of main texts only. */
    public HtmlTextExtractor() {
        this(false);
    }

    /** @param wholePage whether to read the whole page's text too, for quotes its main text leaves out */
    HtmlTextExtractor(boolean wholePage) {
        this.wholePage = wholePage;
    }

    public PageText extract(Document document) {
        Optional<String> title = title(document);
        Element root = document.body() != null ? document.body() : document;
        Walk walk = new Walk(root, mainContent.candidates());
        TextStats stats = TextStats.of(root, walk::sees);
        while (walk.unwrapNoscripts()) {
            walk = new Walk(root, mainContent.candidates());
            stats = TextStats.of(root, walk::sees);
        }
        // counted without them already
        for (Element dropped : walk.dropped) {
            dropped.remove();
        }
        Optional<String> page = Optional.empty();
        if (wholePage) {
            TextCollector everything = new TextCollector();
            DomWalk.walk(root, everything);
            page = Optional.of(everything.text());
        }
        int whole = stats.text(root);
        boolean exact = true;
        for (Element form : walk.forms) {
            // some sites wrap the whole page in one form; a search box or a login is a small one
            if (form.parent() != null && form.text().length() <= whole / 2) {
                exact &= stats.remove(form);
                form.remove();
            }
        }
        for (Element element : walk.headersAndFooters) {
            if (element.parent() != null && element.closest(ARTICLE_OR_MAIN) == null && element.text().length() <= whole / 2) {
                exact &= stats.remove(element);
                element.remove();
            }
        }
        TextCollector collector = new TextCollector();
        DomWalk.walk(mainContent.find(root, exact ? stats : TextStats.of(root), walk.candidates), collector);
        return new PageText(title, collector.text(), Optional.of(document.charset().name()), true, Optional.empty(), page);
    }

    /**
     * What the walk that counts the page finds: the elements to drop (outermost only, not
     * counted), the forms, headers and footers left, and the main content's candidates.
     */
    private record Walk(Element root, List<Element> dropped, List<Element> forms, List<Element> headersAndFooters,
            ContentCandidates candidates) {

        Walk(Element root, ContentCandidates candidates) {
            this(root, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), candidates);
        }

        /** Notes an element of the page; true if it is to be dropped, with what it holds. */
        boolean sees(Element element) {
            if (element != root && isDropped(element)) {
                dropped.add(element);
                return true;
            }
            candidates.sees(element);
            switch (element.normalName()) {
                case "form" -> forms.add(element);
                case "header", "footer" -> headersAndFooters.add(element);
                default -> { }
            }
            return false;
        }

        /**
         * Unwraps each noscript to drop that holds a script-free copy of the article rather than
         * a "please enable JavaScript" notice; then the page must be walked again.
         */
        boolean unwrapNoscripts() {
            boolean unwrapped = false;
            for (Element element : dropped) {
                if (element.normalName().equals("noscript") && element.text().length() >= 500) {
                    element.unwrap();
                    unwrapped = true;
                }
            }
            return unwrapped;
        }
    }

    private static boolean isDropped(Element element) {
        if (DROPPED_TAGS.contains(element.normalName())) {
            return true;
        }
        if (element.attributesSize() == 0) {
            return false;
        }
        // the HTML parser gives attribute names in lower case
        Attributes attributes = element.attributes();
        if (attributes.hasKey("hidden") || attributes.get("aria-hidden").equalsIgnoreCase("true")) {
            return true;
        }
        String style = attributes.get("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
    }

    private static Optional<String> title(Document document) {
        String title = document.title().strip();
        if (title.isEmpty()) {
            Element og = document.selectFirst("meta[property=og:title]");
            title = og == null ? "" : og.attr("content").strip();
        }
        if (title.isEmpty()) {
            Element h1 = document.selectFirst("h1");
            title = h1 == null ? "" : h1.text().strip();
        }
        return title.isEmpty() ? Optional.empty() : Optional.of(collapse(title));
    }

    private static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    static boolean isSpace(char c) {
        if (c < 0x80) {
            // Character.isWhitespace's ASCII answers, without its table
            return c == ' ' || c >= 0x09 && c <= 0x0D || c >= 0x1C && c <= 0x1F;
        }
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f';
    }

    /** Walks the DOM, building lines; separators between blocks are decided when the next text arrives. */
    private static final class TextCollector implements DomWalk.Visitor {

        private final StringBuilder out = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private int pendingBreak;
        private int preDepth;
        /** Depth inside table cells short enough to read as one line: blocks inside them do not break it. */
        private int inlineCellDepth;

        @Override
        public boolean head(Node node) {
            if (node instanceof TextNode text) {
                append(text.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    if (inlineCellDepth > 0) {
                        append(" ");
                    } else {
                        endLine(1);
                    }
                } else if (tag.equals("pre")) {
                    endLine(2);
                    preDepth++;
                } else if (tag.equals("td") || tag.equals("th")) {
                    if (inlineCellDepth > 0 || isInlineCell(element)) {
                        inlineCellDepth++;
                    }
                    if (element.previousElementSibling() != null) {
                        append(" | ");
                    }
                } else {
                    endLine(level(element));
                }
            }
            return true;
        }

        @Override
        public void tail(Element element) {
            String tag = element.normalName();
            if (tag.equals("pre")) {
                preDepth--;
                endLine(2);
            } else if (tag.equals("td") || tag.equals("th")) {
                inlineCellDepth = Math.max(0, inlineCellDepth - 1);
            } else {
                endLine(level(element));
            }
        }

        /** A cell of a data table rather than of a layout: no nested table, little text. */
        private static boolean isInlineCell(Element cell) {
            return cell.getElementsByTag("table").isEmpty() && cell.text().length() <= 200;
        }

        private int level(Element element) {
            String tag = element.normalName();
            if (inlineCellDepth > 0) {
                return 0;
            }
            if (PARAGRAPHS.contains(tag)) {
                boolean nestedList = (tag.equals("ul") || tag.equals("ol"))
                        && element.parent() != null && element.parent().closest("li") != null;
                return nestedList ? 1 : 2;
            }
            return LINES.contains(tag) ? 1 : 0;
        }

        private void append(String text) {
            if (preDepth > 0) {
                line.append(text);
                return;
            }
            int length = text.length();
            for (int i = 0; i < length; ) {
                if (isSpace(text.charAt(i))) {
                    if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                        line.append(' ');
                    }
                    i++;
                    continue;
                }
                int word = i;
                while (i < length && !isSpace(text.charAt(i))) {
                    i++;
                }
                line.append(text, word, i);
            }
        }

        /** Ends the current line, if it holds text, and asks for at least {@code level} line breaks before the next. */
        private void endLine(int level) {
            if (level == 0) {
                return;
            }
            if (preDepth > 0) {
                String finished = stripPre(line);
                if (!finished.isEmpty()) {
                    separate();
                    out.append(finished);
                }
            } else {
                // strip() in place (a pre's text closed at its end tag may begin or end in line breaks)
                int end = line.length();
                while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
                    end--;
                }
                int start = 0;
                while (start < end && Character.isWhitespace(line.charAt(start))) {
                    start++;
                }
                if (end > start) {
                    separate();
                    if (start == 0) {
                        line.setLength(end);
                        out.append(line); // one copy of the whole builder, where a range is copied char by char
                    } else {
                        out.append(line, start, end);
                    }
                }
            }
            line.setLength(0);
            pendingBreak = Math.max(pendingBreak, level);
        }

        /** The line break or blank line before the next line of text. */
        private void separate() {
            if (out.length() > 0) {
                out.append(pendingBreak >= 2 ? "\n\n" : "\n");
            }
            pendingBreak = 0;
        }

        private static String stripPre(CharSequence text) {
            String result = text.toString().replace("\r\n", "\n").stripTrailing();
            while (result.startsWith("\n")) {
                result = result.substring(1);
            }
            return result;
        }

        String text() {
            endLine(2);
            return out.toString();
        }
    }
}
