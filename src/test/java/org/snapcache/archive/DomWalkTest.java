package org.snapcache.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

class DomWalkTest {

    private static String name(Node node) {
        return node instanceof TextNode text ? "'" + text.text() + "'" : node.nodeName();
    }

    @Test
    void seesWhatJsoupsTraversorSeesInTheSameOrder() {
        Element body = Jsoup.parse("<div><p>one <b>two</b></p><!-- c --><ul><li>three<li>four</ul></div><p>five</p><br>").body();
        List<String> expected = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                expected.add("+" + name(node));
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element) {
                    expected.add("-" + name(node));
                }
            }
        }, body);
        List<String> seen = new ArrayList<>();
        DomWalk.walk(body, new DomWalk.Visitor() {
            @Override
            public boolean head(Node node) {
                seen.add("+" + name(node));
                return true;
            }

            @Override
            public void tail(Element element) {
                seen.add("-" + name(element));
            }
        });
        assertEquals(expected, seen);
        assertEquals("+body", seen.get(0));
        assertEquals("-body", seen.get(seen.size() - 1));
    }

    @Test
    void anElementItsHeadRefusesIsPassedOverWithWhatItHolds() {
        Element body = Jsoup.parse("<div id=a><p>in a</p></div><div id=b><p>in b</p></div>").body();
        List<String> seen = new ArrayList<>();
        DomWalk.walk(body, new DomWalk.Visitor() {
            @Override
            public boolean head(Node node) {
                seen.add("+" + name(node));
                return !(node instanceof Element element && element.id().equals("a"));
            }

            @Override
            public void tail(Element element) {
                seen.add("-" + name(element));
            }
        });
        assertEquals(List.of("+body", "+div", "+div", "+p", "+'in b'", "-p", "-div", "-body"), seen);
    }

    @Test
    void aRootItsHeadRefusesEndsTheWalk() {
        List<String> seen = new ArrayList<>();
        DomWalk.walk(Jsoup.parse("<p>text</p>").body(), node -> {
            seen.add(name(node));
            return false;
        });
        assertEquals(List.of("body"), seen);
    }

    @Test
    void walksTreesDeeperThanItsFirstStack() {
        Element body = Jsoup.parse("<div>".repeat(200) + "deep" + "</div>".repeat(200)).body();
        int[] counts = new int[2];
        DomWalk.walk(body, new DomWalk.Visitor() {
            @Override
            public boolean head(Node node) {
                counts[0]++;
                return true;
            }

            @Override
            public void tail(Element element) {
                counts[1]++;
            }
        });
        assertEquals(202, counts[0]); // body, 200 divs, the text
        assertEquals(201, counts[1]);
    }
}
