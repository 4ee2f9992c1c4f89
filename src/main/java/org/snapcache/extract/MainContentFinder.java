package org.snapcache.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.snapcache.archive.DomWalk;

/**
 * Finds the part of a page that is its own content, dropping the boilerplate around it. It first
 * believes what the page says about itself ({@code itemprop=articleBody}, {@code <article>},
 * content classes, {@code <main>}), then what the text says: paragraphs of prose, dense in words
 * and sparse in links, vote for the block that holds them. When nothing stands out, the whole
 * page is kept, so that a short page or a list page never comes out empty.
 */
final class MainContentFinder {

    private static final int MIN_CONTENT = 250;

    private final ClassWords vocabulary = new ClassWords();
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s*$");

    /** What a walk over a page collects for {@link #find(Element, TextStats, ContentCandidates)}. */
    ContentCandidates candidates() {
        return new ContentCandidates(vocabulary);
    }

    /**
     * The element whose text is the page's content; {@code body} itself when nothing stands out.
     *
     * @param counted the counts of {@code body} as it is
     */
    Element find(Element body, TextStats counted) {
        ContentCandidates candidates = candidates();
        DomWalk.walk(body, node -> {
            if (node instanceof Element element) {
                candidates.sees(element);
            }
            return true;
        });
        return find(body, counted, candidates);
    }

    /**
     * As {@link #find(Element, TextStats)}, with the candidates a walk over {@code body} found
     * before elements were removed from it (those no longer inside it are passed over).
     */
    Element find(Element body, TextStats counted, ContentCandidates candidates) {
        TextStats stats = removeBoilerplate(body, counted, candidates);
        Element content = marked(body, stats, candidates.marked);
        if (content == null) {
            content = voted(body, stats);
        }
        if (content == null) {
            content = body;
        } else {
            content = withLead(content, body, stats);
        }
        pruneLinkLists(content, stats);
        return content;
    }

    /**
     * The content with the lead paragraph a page often sets just before its body, outside the
     * block the body is in: "intro", "lead", "chapo", "Vorspann", "standfirst", "teaser-text".
     */
    private Element withLead(Element content, Element body, TextStats stats) {
        List<Element> leads = new ArrayList<>();
        for (Element level = content; level != null && level != body && leads.isEmpty(); level = level.parent()) {
            Element previous = level.previousElementSibling();
            for (int i = 0; i < 3 && previous != null; i++, previous = previous.previousElementSibling()) {
                if (isLead(previous, stats)) {
                    leads.add(0, previous);
                    continue;
                }
                // or the lead inside the article's header just before the body
                for (Element inside : previous.select(WITH_CLASS)) {
                    if (inside != previous && isLead(inside, stats)) {
                        leads.add(0, inside);
                        break;
                    }
                }
            }
            if (level.parent() == body) {
                break;
            }
        }
        if (leads.isEmpty()) {
            return content;
        }
        Element wrapper = new Element("div");
        content.before(wrapper);
        for (Element lead : leads) {
            wrapper.appendChild(lead);
        }
        wrapper.appendChild(content);
        return wrapper;
    }

    private boolean isLead(Element element, TextStats stats) {
        return (ClassWords.withoutLayout(vocabulary.words(element.className()) | vocabulary.words(element.id())) & ClassWords.LEAD_WORD) != 0 && stats.text(element) >= 40 && stats.linkDensity(element) < 0.5;
    }

    /** Blocks inside the content that are mostly links (related articles, tag lists, pagers) go. */
    private static void pruneLinkLists(Element content, TextStats stats) {
        // one walk finds the furniture inside the content and its blocks
        List<Element> furniture = new ArrayList<>();
        List<Element> blocks = new ArrayList<>();
        DomWalk.walk(content, node -> {
            if (node instanceof Element element) {
                if (FURNITURE.contains(element.normalName())) {
                    furniture.add(element);
                }
                if (LINK_LIST_BLOCKS.contains(element.normalName())) {
                    blocks.add(element);
                }
            }
            return true;
        });
        furniture.forEach(Element::remove);
        int whole = stats.text(content);
        Removals removals = new Removals(stats);
        for (Element block : blocks) {
            if (block == content) {
                continue;
            }
            int length = stats.text(block);
            // a block holding most of the content is the content, however many links a short page has
            if (length > 0 && length < 600 && stats.linkDensity(block) > 0.4 && length <= whole / 2
                    && isInside(block, content)) {
                removeWithHeading(block, removals);
            }
        }
    }

    /** Removes a block and the heading just before it: "Related articles", "Mehr zum Thema" title what goes. */
    private static void removeWithHeading(Element block, Removals removals) {
        Element heading = block.previousElementSibling();
        if (heading != null && isHeading(heading)) {
            removals.remove(heading);
        }
        removals.remove(block);
    }

    /** Elements removed, how to put them back, and the counts kept up to date if they can be. */
    private static final class Removals {
        final Deque<Runnable> undo = new ArrayDeque<>();
        final TextStats stats;
        boolean exact = true;

        Removals(TextStats stats) {
            this.stats = stats;
        }

        void remove(Element element) {
            exact &= stats.remove(element);
            Element parent = element.parent();
            int index = element.siblingIndex();
            element.remove();
            undo.push(() -> parent.insertChildren(index, element));
        }
    }

    /** A heading, or a short line of text that acts as one. */
    private static boolean isHeading(Element element) {
        if (HEADING.matcher(element.normalName()).matches()) {
            return true;
        }
        if (element.childrenSize() > 1 || lettersAtLeast(element, 60)) {
            return false;
        }
        String text = element.text();
        return text.length() < 60 && !SENTENCE_END.matcher(text).find() && !text.isBlank() && element.selectFirst(HEADING_BREAKERS) == null;
    }

    /** Whether the element's text holds at least {@code n} letters and digits (then its text() is as long), read no further. */
    private static boolean lettersAtLeast(Element element, int n) {
        int[] letters = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String chars = text.getWholeText();
                    for (int i = 0; i < chars.length() && letters[0] < n; i++) {
                        if (Character.isLetterOrDigit(chars.charAt(i))) {
                            letters[0]++;
                        }
                    }
                }
                return letters[0] >= n ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, element);
        return letters[0] >= n;
    }

    /** Removes what the page marks as boilerplate, and counts the text again. */
    private static TextStats removeBoilerplate(Element body, TextStats stats, ContentCandidates candidates) {
        boolean exact = true;
        for (Element landmark : candidates.landmarks) {
            if (!isInside(landmark, body)) {
                continue; // inside a landmark, or a form, removed before
            }
            exact &= stats.remove(landmark);
            landmark.remove();
        }
        if (!exact) {
            stats = TextStats.of(body);
        }
        int whole = stats.text(body);
        Removals removals = new Removals(stats);
        for (ContentCandidates.Block block : candidates.blocks) {
            Element element = block.element();
            int words = block.words();
            if (!isInside(element, body) || element.attr("itemprop").equalsIgnoreCase("articleBody")) {
                continue;
            }
            boolean never = (words & ClassWords.NEVER) != 0;
            if ((words & ClassWords.CONTENT_WORD) != 0 && !never && (block.idWords() & ClassWords.BOILERPLATE_WORD) == 0) {
                continue;
            }
            // a wrapper holding half the page is the page, whatever its class (page-banner, offcanvas_over, widget Blog)
            boolean boilerplate = never || (words & ClassWords.BOILERPLATE_WORD) != 0 && !isProse(element, stats);
            // (counts of an element taken before any removal: those removed so far come before it and are not inside it)
            if (boilerplate && stats.text(element) <= whole / 2) {
                removeWithHeading(element, removals);
            }
        }
        if (removals.undo.isEmpty()) {
            return stats;
        }
        TextStats after = removals.exact ? stats : TextStats.of(body);
        if (whole > 1000 && after.text(body) < 300) {
            // class names misled us (a "sidebar" layout around the article, "non-paywall" text): keep the blocks
            while (!removals.undo.isEmpty()) {
                removals.undo.pop().run();
            }
            return TextStats.of(body);
        }
        return after;
    }

    /**
     * What the page says its content is, if that holds enough of the text. Of several candidates
     * the innermost that still holds most of their prose wins: a "content" wrapper around the
     * sidebar loses to the article body inside it.
     */
    private static Element marked(Element body, TextStats stats, List<List<Element>> selected) {
        int bodyProse = proseLength(body, stats);
        for (int kind = 0; kind < selected.size(); kind++) {
            Map<Element, Integer> candidates = new LinkedHashMap<>(); // document order, so that ties go the same way every time
            int most = 0;
            for (Element candidate : selected.get(kind)) {
                if (!isInside(candidate, body)) {
                    continue; // removed as boilerplate since it was found
                }
                int length = proseLength(candidate, stats);
                candidates.put(candidate, length);
                most = Math.max(most, length);
            }
            if (most < MIN_CONTENT || most < bodyProse / 3) {
                continue;
            }
            Element best = null;
            for (Map.Entry<Element, Integer> candidate : candidates.entrySet()) {
                if (candidate.getValue() >= most * 0.7
                        && (best == null || candidate.getKey().parents().size() > best.parents().size())) {
                    best = candidate.getKey();
                }
            }
            return best;
        }
        return null;
    }

    /** Readability's idea: each paragraph of prose scores its parent and, half as much, its grandparent. */
    private static Element voted(Element body, TextStats stats) {
        Map<Element, Double> scores = new LinkedHashMap<>(); // document order, so that ties go the same way every time
        for (Element paragraph : body.select(PARAGRAPHS)) {
            int length = stats.text(paragraph);
            if (length < 25) {
                continue;
            }
            double score = 1 + stats.commas(paragraph) + Math.min(length / 100, 3);
            score *= 1 - stats.linkDensity(paragraph);
            Element parent = paragraph.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                Element grandparent = parent.parent();
                if (grandparent != null) {
                    scores.merge(grandparent, score / 2, Double::sum);
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = entry.getValue() * (1 - stats.linkDensity(entry.getKey()));
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        if (best == null || best == body || proseLength(best, stats) < MIN_CONTENT
                || proseLength(best, stats) < proseLength(body, stats) / 4) {
            return null;
        }
        return best;
    }

    /** What pruneLinkLists takes out of the content first, and the blocks it weighs. */
    private static final Set<String> FURNITURE = Set.of("footer", "time", "address", "figcaption");
    private static final Set<String> LINK_LIST_BLOCKS = Set.of("div", "section", "ul", "ol", "p", "table", "dl");
    private static final Evaluator HEADING_BREAKERS = QueryParser.parse("p, li, img, a");
    private static final Evaluator WITH_CLASS = QueryParser.parse("[class]");
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p, pre, td, blockquote, li");

    private static boolean isInside(Element element, Element root) {
        for (Element at = element; at != null; at = at.parent()) {
            if (at == root) {
                return true;
            }
        }
        return false;
    }

    /** Much text, few links: whatever its class says, this is not a menu or a share bar. */
    private static boolean isProse(Element element, TextStats stats) {
        return stats.text(element) > 800 && stats.linkDensity(element) < 0.25;
    }

    /** The text of the headings inside, or half the text less its links, whichever is more. */
    private static int proseLength(Element element, TextStats stats) {
        return Math.max(stats.headings(element), (int) (stats.text(element) * (1 - stats.linkDensity(element)) / 2));
    }
}
