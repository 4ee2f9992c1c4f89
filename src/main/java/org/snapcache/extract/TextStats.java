package org.snapcache.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.snapcache.archive.DomWalk;

/**
 * How much text, link text and prose every element of a tree holds, counted in one walk, so that
 * weighing blocks costs no more than the walk however deeply they nest ({@code element.text()}
 * on each would walk each subtree again). Lengths count whitespace runs as one character, as
 * {@code text()} does (give or take the spaces it puts between blocks). Elements removed from the
 * tree are taken out with {@link #remove}, or the tree counted again.
 */
final class TextStats {

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Blocks that make a heading around them a wrapper rather than a heading. */
    private static final Set<String> NESTING_BLOCKS = Set.of("p", "pre", "blockquote", "li", "td");

    /** Per element: text length, link text length, heading text length, whether a nesting block is inside, commas. */
    private final Map<Element, int[]> counts = new IdentityHashMap<>();

    private TextStats() {}

    static TextStats of(Element root) {
        return of(root, element -> false);
    }

    /**
     * Counts the tree as if the elements {@code skipped} accepts (and what they hold), other than
     * the root, were not in it; {@code skipped} sees every element it reaches, in document order,
     * so that the walk can find more than counts.
     */
    static TextStats of(Element root, Predicate<Element> skipped) {
        TextStats stats = new TextStats();
        Deque<int[]> open = new ArrayDeque<>();
        int[] inLink = {0};
        DomWalk.walk(root, new DomWalk.Visitor() {
            @Override
            public boolean head(Node node) {
                if (node instanceof Element element) {
                    if (skipped.test(element) && node != root) {
                        return false;
                    }
                    open.push(new int[5]);
                    if (element.normalName().equals("a")) {
                        inLink[0]++;
                    }
                } else if (node instanceof TextNode text && !open.isEmpty()) {
                    long lengthAndCommas = lengthAndCommas(text.getWholeText());
                    int length = (int) lengthAndCommas;
                    open.peek()[0] += length;
                    open.peek()[4] += (int) (lengthAndCommas >>> 32);
                    if (inLink[0] > 0) {
                        open.peek()[1] += length;
                    }
                }
                return true;
            }

            @Override
            public void tail(Element element) {
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
        });
        return stats;
    }

    /**
     * Takes an element's counts out of its ancestors' before the element is removed from the
     * tree, which is what counting again after the removal would give, unless a heading holds the
     * element (a heading's own count depends on what it holds in more than a sum).
     *
     * @return false when the counts could not be kept exact: count again after the removal
     */
    boolean remove(Element element) {
        int[] own = counts.get(element);
        if (own == null) {
            return false;
        }
        for (Element ancestor = element.parent(); ancestor != null; ancestor = ancestor.parent()) {
            if (HEADINGS.contains(ancestor.normalName())) {
                return false;
            }
        }
        for (Element ancestor = element.parent(); ancestor != null; ancestor = ancestor.parent()) {
            int[] counts = this.counts.get(ancestor);
            if (counts == null) {
                break;
            }
            counts[0] -= own[0];
            counts[1] -= own[1];
            counts[2] -= own[2];
            counts[4] -= own[4];
        }
        return true;
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

    /** The length of a text with whitespace runs counted as one character in the low half, its commas in the high half. */
    private static long lengthAndCommas(String text) {
        int length = 0;
        long commas = 0;
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
                if (c == ',') {
                    commas++;
                }
            }
        }
        return commas << 32 | (space ? length + 1 : length);
    }

    private int[] counts(Element element) {
        int[] found = counts.get(element);
        return found != null ? found : of(element).counts.get(element);
    }

    private static double density(int[] counts) {
        return counts[0] == 0 ? 0 : Math.min(1, (double) counts[1] / counts[0]);
    }
}
