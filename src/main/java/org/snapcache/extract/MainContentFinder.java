package org.snapcache.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
            + "|copyright|ticker|infobox|contact|imprint|impressum|bookmark|likes|postmeta|nextstory|next-post|prev-post|previous-post"
            + "|entry-utility)\\w*)"
            + "|ads?|nav|tags|skip|jump|print|meta|post-meta|entry-meta|article-meta|date|dateline|timestamp|rss|follow"
            + "|community|feedback|more-stories|most-popular)($|[\\s_-])");
    /** Boilerplate that is boilerplate however much prose it holds: comments, related posts, sidebars. */
    private static final Pattern NEVER_CONTENT = Pattern.compile("(?i)(^|[\\s_-])(comment(?!ary)|related|sidebar|share|sharing|social"
            + "|newsletter|cookie|consent|breadcrumb|recommend|forum|outbrain|taboola|disqus|trending)\\w*($|[\\s_-])");
    /** Class or id words that name an article's body. */
    private static final Pattern ARTICLE_BODY = Pattern.compile("(?i)(^|[\\s_-])(entry-content|post-content|article-content"
            + "|article-body|articlebody|article__body|article-text|story-body|story-content|post-body|post-entry|postcontent"
            + "|entry-body|content-body|text-content|body-text|main-content|page-content|blog-post|single-post|field-body"
            + "|rich-text|richtext|td-post-content|c-article-body|news-content|article__content|articletext)($|[\\s_-])");
    /** Class or id words of the content block: an article body's, or a vaguer "content", "post" or "text". */
    private static final Pattern CONTENT = Pattern.compile(ARTICLE_BODY.pattern().replace(")($|", "|entry|post|content|article|text)($|"));
    /** A vague content word as a whole class name: "post" says content, "post-meta" or "article-footer" does not. */
    private static final Pattern CONTENT_TOKEN = Pattern.compile("(?i)(^|\\s)(entry|post|content|article|text)($|\\s)");
    /** The article's own header and lead: "article-header", "Post__lead", "teaser-text", "intro". */
    private static final Pattern LEAD = Pattern.compile("(?i)((^|[\\s_-])(article|post|entry|story|news)[-_]*"
            + "(header|head|intro|lead|teaser|abstract|summary|subtitle))|((^|[\\s_-])(intro|lead|teaser-text|abstract"
            + "|summary|subtitle)($|[\\s_-]))");
    private static final int MIN_CONTENT = 250;
    /** Class words of an article's lead paragraph. */
    private static final Pattern LEAD_BLOCK = Pattern.compile("(?i)(intro|lead|teaser|chapo|chapeau|vorspann|standfirst"
            + "|summary|excerpt|abstract|subtitle|sub-?headline|subhead|dek)");
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s*$");
    private static final Pattern LAYOUT_WORDS = Pattern.compile("(?i)(?<=^|\\s)(no|has|with|without|show|hide|is)[-_]\\S*");

    /** The element whose text is the page's content; {@code body} itself when nothing stands out. */
    Element find(Element body) {
        TextStats stats = removeBoilerplate(body, TextStats.of(body));
        Element content = marked(body, stats);
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
    private static Element withLead(Element content, Element body, TextStats stats) {
        List<Element> leads = new ArrayList<>();
        for (Element level = content; level != null && level != body && leads.isEmpty(); level = level.parent()) {
            Element previous = level.previousElementSibling();
            for (int i = 0; i < 3 && previous != null; i++, previous = previous.previousElementSibling()) {
                if (isLead(previous, stats)) {
                    leads.add(0, previous);
                    continue;
                }
                // or the lead inside the article's header just before the body
                for (Element inside : previous.select("[class]")) {
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

    private static boolean isLead(Element element, TextStats stats) {
        return LEAD_BLOCK.matcher(marks(element)).find() && stats.text(element) >= 40 && stats.linkDensity(element) < 0.5;
    }

    /** Blocks inside the content that are mostly links (related articles, tag lists, pagers) go. */
    private static void pruneLinkLists(Element content, TextStats stats) {
        content.select("footer, time, address, figcaption").remove();
        int whole = stats.text(content);
        for (Element block : content.select("div, section, ul, ol, p, table, dl")) {
            if (block.parent() == null || block == content) {
                continue;
            }
            int length = stats.text(block);
            // a block holding most of the content is the content, however many links a short page has
            if (length > 0 && length < 600 && stats.linkDensity(block) > 0.4 && length <= whole / 2) {
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
        if (HEADING.matcher(element.normalName()).matches()) {
            return true;
        }
        if (element.children().size() > 1) {
            return false;
        }
        String text = element.text();
        return text.length() < 60 && !SENTENCE_END.matcher(text).find() && !text.isBlank() && element.selectFirst("p, li, img, a") == null;
    }

    /** Removes what the page marks as boilerplate, and counts the text again. */
    private static TextStats removeBoilerplate(Element body, TextStats before) {
        Elements landmarks = body.select("aside, [role=navigation], [role=complementary], [role=banner], [role=contentinfo], [role=search]");
        landmarks.remove();
        TextStats stats = landmarks.isEmpty() ? before : TextStats.of(body);
        int whole = stats.text(body);
        Deque<Runnable> undo = new ArrayDeque<>();
        Map<String, Integer> wordsOf = new HashMap<>();
        for (Element element : body.select("div, section, ul, ol, span, p, header, footer, figure, table, nav, a")) {
            if (element.parent() == null || element.attr("itemprop").equalsIgnoreCase("articleBody")) {
                continue;
            }
            if (element.attributesSize() == 0) {
                continue;
            }
            String marks = marks(element);
            if (marks.isBlank()) {
                continue;
            }
            // pages repeat their class names: each is matched against the word lists once
            int words = wordsOf.computeIfAbsent(marks, MainContentFinder::words);
            boolean never = (words & NEVER) != 0;
            if ((words & CONTENT_WORD) != 0 && !never && !BOILERPLATE.matcher(element.id()).find()) {
                continue;
            }
            // a wrapper holding half the page is the page, whatever its class (page-banner, offcanvas_over, widget Blog)
            boolean boilerplate = never || (words & BOILERPLATE_WORD) != 0 && !isProse(element, stats);
            if (boilerplate && stats.text(element) <= whole / 2) {
                removeWithHeading(element, undo);
            }
        }
        if (undo.isEmpty()) {
            return stats;
        }
        TextStats after = TextStats.of(body);
        if (whole > 1000 && after.text(body) < 300) {
            // class names misled us (a "sidebar" layout around the article, "non-paywall" text): keep the blocks
            while (!undo.isEmpty()) {
                undo.pop().run();
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
    private static Element marked(Element body, TextStats stats) {
        int bodyProse = proseLength(body, stats);
        Map<String, Boolean> isContent = new HashMap<>(); // pages repeat their class names
        for (String selector : List.of("[itemprop=articleBody]", "article", "[class], [id]", "main, [role=main]")) {
            Map<Element, Integer> candidates = new LinkedHashMap<>(); // document order, so that ties go the same way every time
            int most = 0;
            for (Element candidate : body.select(selector)) {
                if (selector.equals("[class], [id]")
                        && !isContent.computeIfAbsent(candidate.className() + " " + candidate.id(), marks -> CONTENT.matcher(marks).find())) {
                    continue;
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
        for (Element paragraph : body.select("p, pre, td, blockquote, li")) {
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

    private static final int CONTENT_WORD = 1;
    private static final int BOILERPLATE_WORD = 2;
    private static final int NEVER = 4;

    /** Which word lists a class-and-id string matches, as bits. */
    private static int words(String marks) {
        return (ARTICLE_BODY.matcher(marks).find() || CONTENT_TOKEN.matcher(marks).find() || LEAD.matcher(marks).find()
                ? CONTENT_WORD : 0) | (BOILERPLATE.matcher(marks).find() ? BOILERPLATE_WORD : 0)
                | (NEVER_CONTENT.matcher(marks).find() ? NEVER : 0);
    }

    /**
     * An element's class names and id, without the words that describe the page's layout rather
     * than the element's role: "no-share", "has-sidebar", "with-comments".
     */
    static String marks(Element element) {
        return LAYOUT_WORDS.matcher(element.className() + " " + element.id()).replaceAll(" ");
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
