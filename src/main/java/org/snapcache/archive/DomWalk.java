package org.snapcache.archive;

import java.util.Arrays;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * A depth-first walk over an element and what it holds, in document order, for walks that read
 * the tree and do not change it. It reads each element's children by position, where jsoup's
 * {@code NodeTraversor} steps from sibling to sibling and so first numbers every element's
 * children; a page is walked several times between its parse and its preview.
 */
public final class DomWalk {

    /** What a walk does at each node. */
    public interface Visitor {

        /**
         * Sees a node before what it holds.
         *
         * @return false to pass over what an element holds, and its {@link #tail}
         */
        boolean head(Node node);

        /** Sees an element after what it holds. */
        default void tail(Element element) {}
    }

    private DomWalk() {}

    public static void walk(Element root, Visitor visitor) {
        if (!visitor.head(root)) {
            return;
        }
        // the open elements, and in each the position of the next child to see
        Element[] open = new Element[32];
        int[] next = new int[32];
        int top = 0;
        open[0] = root;
        while (top >= 0) {
            Element element = open[top];
            int at = next[top];
            if (at < element.childNodeSize()) {
                next[top] = at + 1;
                Node child = element.childNode(at);
                if (visitor.head(child) && child instanceof Element inner) {
                    if (++top == open.length) {
                        open = Arrays.copyOf(open, top * 2);
                        next = Arrays.copyOf(next, top * 2);
                    }
                    open[top] = inner;
                    next[top] = 0;
                }
            } else {
                visitor.tail(element);
                top--;
            }
        }
    }
}
