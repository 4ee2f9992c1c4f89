package org.snapcache.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * How much text, link text and prose every element of a tree holds, counted in one walk, so that
 * weighing blocks costs no more than the walk however deeply they nest ({@code element.text()}
 * on each would walk each subtree again). Lengths count whitespace runs as one character, as
 * {@code text()} does (give or take the spaces it puts between blocks). A snapshot: after elements are removed, count again.
 */
final class TextStats {

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Blocks that make a heading around them a wrapper rather than a heading. */
    private static final Set<String> NESTING_BLOCKS = Set.of("p", "pre", "blockquote", "li", "td");

    /** Per element: text length, link text length, heading text length, whether a nesting block is inside, commas. */
    private final Map<Element, int[]> counts = new IdentityHashMap<>();

    private TextStats() {}

    static TextStats of(Element root) {
        TextStats stats = new TextStats();
        Deque<int[]> open = new ArrayDeque<>();
        int[] inLink = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    open.push(new int[5]);
                    if (element.normalName().equals("a")) {
                        inLink[0]++;
                    }
                } else if (node instanceof TextNode text && !open.isEmpty()) {
                    int length = normalisedLength(text.getWholeText());
                    open.peek()[0] += length;
                    open.peek()[4] += commas(text.getWholeText());
                    if (inLink[0] > 0) {
                        open.peek()[1] += length;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element element)) {
                    return;
                }
                int[] own = open.pop();
                String tag = element.normalName();
                if (tag.equals("a")) {
                    inLink[0]--;
                }
                if (HEADINGS.contains(tag) && own[3] == 0) {
                    own[2] = (int) (own[0] * (1 - density(own)));
                }
                stats.counts.put(element, own);
                int[] parent = open.peek();
                if (parent != null) {
                    parent[0] += own[0];
                    parent[1] += own[1];
                    parent[2] += own[2];
                    parent[3] |= own[3] | (NESTING_BLOCKS.contains(tag) ? 1 : 0);
                    parent[4] += own[4];
                }
            }
        }, root);
        return stats;
    }

    /** Characters of text, whitespace runs counted as one. */
    int text(Element element) {
        return counts(element)[0];
    }

    /** The share of the text that is link text. */
    double linkDensity(Element element) {
        return density(counts(element));
    }

    /** Text of the headings inside (those wrapping no paragraph, item or cell), less their link text. */
    int headings(Element element) {
        return counts(element)[2];
    }

    /** Commas in the text: a sign of sentences rather than labels. */
    int commas(Element element) {
        return counts(element)[4];
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',') {
                n++;
            }
        }
        return n;
    }

    private int[] counts(Element element) {
        int[] found = counts.get(element);
        return found != null ? found : of(element).counts.get(element);
    }

    private static double density(int[] counts) {
        return counts[0] == 0 ? 0 : Math.min(1, (double) counts[1] / counts[0]);
    }

    static int normalisedLength(String text) {
        int length = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (HtmlTextExtractor.isSpace(c)) {
                space = true;
            } else {
                if (space) {
                    length++;
                    space = false;
                }
                length++;
            }
        }
        return space ? length + 1 : length;
    }
}
