package org.snapcache.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Removes what a Wayback-style archive injects into a replayed page: the Internet Archive's head
 * insert and toolbar, its {@code /_static/} scripts and styles (on whatever host they are served
 * from), {@code __wm} scripts and trailing comments, and pywb's {@code WB Insert}. It works on the
 * DOM and only on markers the archives write, so a page without chrome is left exactly as it was.
 */
public final class ChromeStripper {

    private static final Set<String> TOOLBAR_IDS = Set.of("wm-ipp-base", "wm-ipp", "wm-ipp-print", "donato", "_wb_plain_banner",
            "_wb_frame_top_banner");
    private static final String[] SCRIPT_MARKERS = {"__wm.", "wbinfo", "_WBWombatInit", "WB_wombat_", "archive_analytics",
        "RufflePlayer"};
    /** What the archives' comments say; every begin and end marker below holds one of these. */
    private static final String[] COMMENT_MARKERS = {"FILE ARCHIVED ON", "playback timings", "BEGIN WAYBACK TOOLBAR INSERT",
        "END WAYBACK TOOLBAR INSERT", "End Wayback Rewrite JS Include", "WB Insert"};

    public void strip(Document document) {
        strip(document, element -> { });
    }

    /**
     * Strips the chrome, and hands every element of the page to {@code alsoVisit} in the same
     * walk, after looking at it: work on every element costs one walk, not two.
     */
    public void strip(Document document, Consumer<Element> alsoVisit) {
        // one walk finds the archives' comments and the injected elements; a removed node has no parent
        List<Comment> comments = new ArrayList<>();
        List<Element> injected = new ArrayList<>();
        DomWalk.walk(document, node -> {
            if (node instanceof Comment comment) {
                if (isArchives(comment)) {
                    comments.add(comment);
                }
            } else if (node instanceof Element element) {
                if (isInjected(element)) {
                    injected.add(element);
                }
                alsoVisit.accept(element);
            }
            return true;
        });
        removeBetween(comments, "BEGIN WAYBACK TOOLBAR INSERT", "END WAYBACK TOOLBAR INSERT");
        removeBetween(comments, "WB Insert", "End WB Insert");
        removeHeadInsert(comments);
        for (Element element : injected) {
            if (element.parent() != null) {
                element.remove();
            }
        }
        for (Comment comment : comments) {
            if (comment.parent() != null) {
                comment.remove();
            }
        }
    }

    /** Whether a comment carries one of the archives' markers; those that do not are passed over from the start. */
    private static boolean isArchives(Comment comment) {
        String text = comment.getData();
        for (String marker : COMMENT_MARKERS) {
            if (text.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** The toolbar's and banners' elements, the archive's /_static/ files, and scripts that carry its markers. */
    private static boolean isInjected(Element element) {
        String tag = element.normalName();
        boolean script = tag.equals("script");
        if (element.attributesSize() == 0) {
            if (!script) {
                return false; // no id, no file
            }
        } else {
            // the HTML parser gives attribute names in lower case
            Attributes attributes = element.attributes();
            if (TOOLBAR_IDS.contains(attributes.get("id"))) {
                return true;
            }
            if (tag.equals("link")) {
                return attributes.get("href").contains("/_static/");
            }
            if (tag.equals("style")) {
                return attributes.get("src").contains("/_static/");
            }
            if (!script) {
                return false;
            }
            if (attributes.get("src").contains("/_static/")) {
                return true;
            }
        }
        // a script's code is one data node: read it where it is rather than copied out by data()
        String code = element.childNodeSize() == 1 && element.childNode(0) instanceof DataNode data ? data.getWholeData() : element.data();
        for (String marker : SCRIPT_MARKERS) {
            if (code.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** Removes the siblings between each {@code <!-- begin -->} and its {@code <!-- end -->} comment. */
    private static void removeBetween(List<Comment> comments, String begin, String end) {
        for (Comment comment : comments) {
            if (comment.parent() == null || !is(comment, begin)) {
                continue;
            }
            List<Node> doomed = new ArrayList<>();
            Node next = comment.nextSibling();
            while (next != null && !(next instanceof Comment c && is(c, end))) {
                doomed.add(next);
                next = next.nextSibling();
            }
            if (next != null) {
                doomed.forEach(Node::remove);
            }
        }
    }

    /**
     * The Internet Archive inserts its scripts and styles at the start of {@code head}, closed by
     * {@code <!-- End Wayback Rewrite JS Include -->}; what precedes that comment in head is theirs.
     */
    private static void removeHeadInsert(List<Comment> comments) {
        for (Comment comment : comments) {
            if (comment.parent() == null || !is(comment, "End Wayback Rewrite JS Include")) {
                continue;
            }
            Node previous = comment.previousSibling();
            while (previous != null) {
                Node before = previous.previousSibling();
                if (isInsertable(previous)) {
                    previous.remove();
                }
                previous = before;
            }
        }
    }

    /** Whether a comment says just this, give or take white space (looked for before any copy is made). */
    private static boolean is(Comment comment, String says) {
        String data = comment.getData();
        return data.contains(says) && data.trim().equals(says);
    }

    private static boolean isInsertable(Node node) {
        if (node instanceof Element element) {
            String tag = element.normalName().toLowerCase(Locale.ROOT);
            return tag.equals("script") || tag.equals("link") || tag.equals("style");
        }
        return node instanceof DataNode || node instanceof Comment;
    }
}
