package org.snapcache.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds the part of a page that is its own content, dropping the boilerplate around it. It first
 * believes what the page says about itself ({@code itemprop=articleBody}, {@code <article>},
 * content classes, {@code <main>}), then what the text says: paragraphs of prose, dense in words
 * and sparse in links, vote for the block that holds them. When nothing stands out, the whole
 * page is kept, so that a short page or a list page never comes out empty.
 */
final class MainContentFinder {

    /** Class or id words of boilerplate blocks: navigation, sharing, comments, teasers, cookie banners. */
    private static final Pattern BOILERPLATE = Pattern.compile("(?i)(^|[\\s_-])(((comment(?!ary)|share|sharing|social|shariff|related"
            + "|sidebar|widget|cookie|consent|gdpr|newsletter|subscri|breadcrumb|pagination|pager|promo|advert|sponsor|banner"
            + "|popup|modal|menu|navbar|navigation|footer|header|masthead|toolbar|teaser|recommend|tagcloud|author|byline|login"
            + "|signup|rating|skiplink|outbrain|taboola|disqus|trending|paywall|offcanvas|morestories|mostpopular|caption|credit"
            + "|copyright|ticker|infobox|contact|imprint|impressum|bookmark)\\w*)"
            + "|ads?|nav|tags|skip|jump|print|meta|post-meta|entry-meta|article-meta|date|dateline|timestamp|rss|follow"
            + "|community|feedback|more-stories|most-popular)($|[\\s_-])");
    /** Boilerplate that is boilerplate however much prose it holds: comments, related posts, sidebars. */
    private static final Pattern NEVER_CONTENT = Pattern.compile("(?i)(^|[\\s_-])(comment(?!ary)|related|sidebar|share|sharing|social"
            + "|newsletter|cookie|consent|breadcrumb|recommend|forum|outbrain|taboola|disqus|trending)\\w*($|[\\s_-])");
    /** Class or id words of the content block. */
    private static final Pattern CONTENT = Pattern.compile("(?i)(^|[\\s_-])(entry-content|post-content|article-content"
            + "|article-body|articlebody|article__body|article-text|story-body|story-content|post-body|post-entry|postcontent"
            + "|entry-body|content-body|text-content|body-text|main-content|page-content|blog-post|single-post|field-body"
            + "|rich-text|richtext|td-post-content|c-article-body|news-content|article__content|articletext|entry|post|content"
            + "|article|text)($|[\\s_-])");
    private static final int MIN_CONTENT = 250;
    private static final Pattern LAYOUT_WORDS = Pattern.compile("(?i)(?<=^|\\s)(no|has|with|without|show|hide|is)[-_]\\S*");

    /** The element whose text is the page's content; {@code body} itself when nothing stands out. */
    Element find(Element body) {
        removeBoilerplate(body);
        int whole = textLength(body);
        Element content = marked(body, whole);
        if (content == null) {
            content = voted(body, whole);
        }
        if (content == null) {
            content = body;
        }
        pruneLinkLists(content);
        return content;
    }

    /** Blocks inside the content that are mostly links (related articles, tag lists, pagers) go. */
    private static void pruneLinkLists(Element content) {
        content.select("footer, time, address, figcaption").remove();
        for (Element block : content.select("div, section, ul, ol, p, table, dl")) {
            if (block.parent() == null || block == content) {
                continue;
            }
            int length = block.text().length();
            if (length > 0 && length < 600 && linkDensity(block) > 0.4) {
                removeWithHeading(block, new ArrayDeque<>());
            }
        }
    }

    /** Removes a block and the heading just before it: "Related articles", "Mehr zum Thema" title what goes. */
    private static void removeWithHeading(Element block, Deque<Runnable> undo) {
        Element heading = block.previousElementSibling();
        if (heading != null && isHeading(heading)) {
            remove(heading, undo);
        }
        remove(block, undo);
    }

    /** Removes an element, noting how to put it back. */
    private static void remove(Element element, Deque<Runnable> undo) {
        Element parent = element.parent();
        int index = element.siblingIndex();
        element.remove();
        undo.push(() -> parent.insertChildren(index, element));
    }

    /** A heading, or a short line of text that acts as one. */
    private static boolean isHeading(Element element) {
        return element.normalName().matches("h[1-6]") || element.text().length() < 60 && element.children().size() <= 1
                && !element.text().matches(".*[.!?]\\s*$") && element.selectFirst("p, li, img, a") == null && !element.text().isBlank();
    }

    private static void removeBoilerplate(Element body) {
        body.select("aside, [role=navigation], [role=complementary], [role=banner], [role=contentinfo], [role=search]").remove();
        int whole = textLength(body);
        Deque<Runnable> undo = new ArrayDeque<>();
        for (Element element : body.select("div, section, ul, ol, span, p, header, footer, figure, table, nav, a")) {
            if (element.parent() == null || element.closest("[itemprop=articleBody]") == element) {
                continue;
            }
            String marks = marks(element);
            if (marks.isBlank() || CONTENT.matcher(marks).find() && !BOILERPLATE.matcher(element.id()).find()
                    && !NEVER_CONTENT.matcher(marks).find()) {
                continue;
            }
            // a wrapper holding half the page is the page, whatever its class (page-banner, offcanvas_over, widget Blog)
            boolean boilerplate = NEVER_CONTENT.matcher(marks).find() || BOILERPLATE.matcher(marks).find() && !isProse(element);
            if (boilerplate && textLength(element) <= whole / 2) {
                removeWithHeading(element, undo);
            }
        }
        if (whole > 1000 && textLength(body) < 300) {
            // class names misled us (a "sidebar" layout around the article, "non-paywall" text): keep the blocks
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }
    }

    /**
     * What the page says its content is, if that holds enough of the text. Of several candidates
     * the innermost that still holds most of their prose wins: a "content" wrapper around the
     * sidebar loses to the article body inside it.
     */
    private static Element marked(Element body, int whole) {
        int bodyProse = proseLength(body);
        for (String selector : List.of("[itemprop=articleBody]", "article", "[class], [id]", "main, [role=main]")) {
            Map<Element, Integer> candidates = new HashMap<>();
            int most = 0;
            for (Element candidate : body.select(selector)) {
                if (selector.equals("[class], [id]") && !CONTENT.matcher(candidate.className() + " " + candidate.id()).find()) {
                    continue;
                }
                int length = proseLength(candidate);
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
    private static Element voted(Element body, int whole) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element paragraph : body.select("p, pre, td, blockquote, li")) {
            String text = paragraph.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + count(text, ',') + Math.min(text.length() / 100, 3);
            score *= 1 - linkDensity(paragraph);
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
            double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        if (best == null || best == body || proseLength(best) < MIN_CONTENT || proseLength(best) < proseLength(body) / 4) {
            return null;
        }
        return best;
    }

    /**
     * An element's class names and id, without the words that describe the page's layout rather
     * than the element's role: "no-share", "has-sidebar", "with-comments".
     */
    static String marks(Element element) {
        return LAYOUT_WORDS.matcher(element.className() + " " + element.id()).replaceAll(" ");
    }

    /** Much text, few links: whatever its class says, this is not a menu or a share bar. */
    private static boolean isProse(Element element) {
        return element.text().length() > 800 && linkDensity(element) < 0.25;
    }

    private static int proseLength(Element element) {
        int length = 0;
        for (Element block : element.select("p, pre, blockquote, li, td, h1, h2, h3, h4, h5, h6")) {
            if (block.selectFirst("p, pre, blockquote, li, td") == null) {
                length += (int) (block.text().length() * (1 - linkDensity(block)));
            }
        }
        return Math.max(length, (int) (textLength(element) * (1 - linkDensity(element)) / 2));
    }

    private static int textLength(Element element) {
        return element.text().length();
    }

    static double linkDensity(Element element) {
        int total = element.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element link : element.select("a")) {
            links += link.text().length();
        }
        return Math.min(1, (double) links / total);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
