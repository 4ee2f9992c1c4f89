package org.snapcache.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;

/**
 * What one walk over a page finds for {@link MainContentFinder#find}: the landmarks, the blocks a class or id
 * may mark as boilerplate, and what [itemprop=articleBody], article, "[class], [id]" and
 * "main, [role=main]" select, in document order.
 */
final class ContentCandidates {

    /** A block that may be boilerplate, with the words of its class and id, and of its id alone. */
    record Block(Element element, int words, int idWords) {}

    /** The roles of landmarks that are not the page's content. */
    private static final Set<String> LANDMARK_ROLES = Set.of("navigation", "complementary", "banner", "contentinfo", "search");

    /** The blocks a page marks as boilerplate by their class or id. */
    private static final Set<String> BLOCKS = Set.of("div", "section", "ul", "ol", "span", "p", "header", "footer", "figure",
            "table", "nav", "a");

    private final ClassWords vocabulary;
    final List<Element> landmarks = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    final List<List<Element>> marked = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

    ContentCandidates(ClassWords vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Notes an element; call in document order. */
    void sees(Element element) {
        String tag = element.normalName();
        // each attribute read once (the HTML parser gives their names in lower case)
        Attributes attributes = element.attributesSize() > 0 ? element.attributes() : null;
        String role = attributes == null ? "" : attributes.get("role").trim();
        if (tag.equals("aside") || !role.isEmpty() && LANDMARK_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            landmarks.add(element);
        }
        int classWords = attributes == null ? 0 : vocabulary.words(attributes.get("class").trim());
        int idWords = attributes == null ? 0 : vocabulary.words(attributes.get("id"));
        int blockWords = ClassWords.withoutLayout(classWords | idWords);
        if (blockWords != 0 && BLOCKS.contains(tag)) {
            // only a block whose class or id says something can be boilerplate
            blocks.add(new Block(element, blockWords, ClassWords.withLayout(idWords)));
        }
        if (attributes != null && attributes.get("itemprop").trim().equalsIgnoreCase("articleBody")) {
            marked.get(0).add(element);
        }
        if (tag.equals("article")) {
            marked.get(1).add(element);
        }
        // words come only from a class or an id
        if ((ClassWords.withLayout(classWords | idWords) & ClassWords.MARKED_CONTENT) != 0) {
            marked.get(2).add(element);
        }
        if (tag.equals("main") || role.equalsIgnoreCase("main")) {
            marked.get(3).add(element);
        }
    }
}
