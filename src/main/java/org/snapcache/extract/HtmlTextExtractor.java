package org.snapcache.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

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
    /** Elements never read: code, embedded objects, navigation, controls, and what the page hides. */
    private static final Set<String> DROPPED_TAGS = Set.of("script", "style", "noscript", "template", "nav", "iframe", "svg",
            "canvas", "object", "embed", "button", "select", "input", "textarea", "dialog");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private final MainContentFinder mainContent = new MainContentFinder();

    public PageText extract(Document document) {
        Optional<String> title = title(document);
        Element root = document.body() != null ? document.body() : document;
        for (Element noscript : root.select("noscript")) {
            // a script-free copy of the article, not a "please enable JavaScript" notice
            if (noscript.text().length() >= 500) {
                noscript.unwrap();
            }
        }
        for (Element dropped : dropped(root)) {
            dropped.remove();
        }
        int whole = textLength(root);
        for (Element form : root.select("form")) {
            // some sites wrap the whole page in one form; a search box or a login is a small one
            if (form.parent() != null && form.text().length() <= whole / 2) {
                form.remove();
            }
        }
        for (Element element : root.select("header, footer")) {
            if (element.parent() != null && element.closest("article, main") == null && element.text().length() <= whole / 2) {
                element.remove();
            }
        }
        TextCollector collector = new TextCollector();
        NodeTraversor.traverse(collector, mainContent.find(root));
        return new PageText(title, collector.text(), Optional.of(document.charset().name()));
    }

    /** The elements to drop, outermost only, found in one walk. */
    private static List<Element> dropped(Element root) {
        List<Element> dropped = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element element && node != root && isDropped(element)) {
                    dropped.add(element);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return dropped;
    }

    private static boolean isDropped(Element element) {
        if (DROPPED_TAGS.contains(element.normalName())) {
            return true;
        }
        if (element.attributesSize() == 0) {
            return false;
        }
        return element.hasAttr("hidden") || element.attr("aria-hidden").equalsIgnoreCase("true")
                || element.hasAttr("style") && HIDDEN_STYLE.matcher(element.attr("style")).find();
    }

    /** The length of an element's text, whitespace runs counted once, without building it. */
    private static int textLength(Element root) {
        int[] length = {0};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                length[0] += TextStats.normalisedLength(text.getWholeText());
            }
        }, root);
        return length[0];
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
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f';
    }

    /** Walks the DOM, building lines; separators between blocks are decided when the next text arrives. */
    private static final class TextCollector implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private int pendingBreak;
        private int preDepth;
        /** Depth inside table cells short enough to read as one line: blocks inside them do not break it. */
        private int inlineCellDepth;

        @Override
        public void head(Node node, int depth) {
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
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
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
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (isSpace(c)) {
                    if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                        line.append(' ');
                    }
                } else {
                    line.append(c);
                }
            }
        }

        /** Ends the current line, if it holds text, and asks for at least {@code level} line breaks before the next. */
        private void endLine(int level) {
            if (level == 0) {
                return;
            }
            String finished = preDepth > 0 ? stripPre(line) : line.toString().strip();
            line.setLength(0);
            if (!finished.isEmpty()) {
                if (out.length() > 0) {
                    out.append(pendingBreak >= 2 ? "\n\n" : "\n");
                }
                out.append(finished);
                pendingBreak = 0;
            }
            pendingBreak = Math.max(pendingBreak, level);
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
