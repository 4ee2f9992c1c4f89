package org.snapcache.extract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The vocabulary of class names and ids: which say content, boilerplate, never content, an
 * article's lead, or describe the layout. Each name is matched once per extractor and
 * remembered, since pages repeat them.
 */
final class ClassWords {

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
    /** Class words of an article's lead paragraph. */
    private static final Pattern LEAD_BLOCK = Pattern.compile("(?i)(intro|lead|teaser|chapo|chapeau|vorspann|standfirst"
            + "|summary|excerpt|abstract|subtitle|sub-?headline|subhead|dek)");
    private static final Pattern LAYOUT_WORDS = Pattern.compile("(?i)(no|has|with|without|show|hide|is)[-_]");

    static final int CONTENT_WORD = 1;
    static final int BOILERPLATE_WORD = 2;
    static final int NEVER = 4;
    /** Says content in the wider sense {@link #marked} looks for. */
    static final int MARKED_CONTENT = 8;
    static final int LEAD_WORD = 16;
    /** Describes the page's layout rather than the element's role: "no-share", "has-sidebar", "with-comments". */
    private static final int LAYOUT = 32;

    /** Every word list matches within one class name, so names are matched one at a time, each once (pages repeat them). */
    private final Map<String, Integer> nameWords = new ConcurrentHashMap<>();
    /** The same for a whole class attribute or id: without layout names in the low byte, with them in the next. */
    private final Map<String, Integer> namesWords = new ConcurrentHashMap<>();
    private static final int MAX_NAMES = 100_000;

    /**
     * Which word lists the class names (or id) in {@code names} match, as bits: read them with
     * {@link #withoutLayout} or {@link #withLayout}.
     */
    int words(String names) {
        if (names.isEmpty()) {
            return 0;
        }
        Integer both = namesWords.get(names);
        if (both == null) {
            both = tokenWords(names, true) | tokenWords(names, false) << 8;
            if (namesWords.size() > MAX_NAMES) {
                namesWords.clear();
            }
            namesWords.put(names, both);
        }
        return both;
    }

    /** The words of {@link #words}, passing over names that describe the layout. */
    static int withoutLayout(int words) {
        return words & 0xff;
    }

    static int withLayout(int words) {
        return words >>> 8;
    }

    private int tokenWords(String names, boolean withoutLayout) {
        int words = 0;
        int length = names.length();
        for (int start = 0; start < length; ) {
            while (start < length && isSpace(names.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < length && !isSpace(names.charAt(end))) {
                end++;
            }
            if (end > start) {
                int bits = nameWords(names.substring(start, end));
                if (!withoutLayout || (bits & LAYOUT) == 0) {
                    words |= bits;
                }
            }
            start = end;
        }
        return words & ~LAYOUT;
    }

    /** The white space of regular expressions' {@code \s}, which separates class names. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private int nameWords(String name) {
        Integer known = this.nameWords.get(name);
        if (known != null) {
            return known;
        }
        int bits = (ARTICLE_BODY.matcher(name).find() || CONTENT_TOKEN.matcher(name).find() || LEAD.matcher(name).find()
                ? CONTENT_WORD : 0) | (BOILERPLATE.matcher(name).find() ? BOILERPLATE_WORD : 0)
                | (NEVER_CONTENT.matcher(name).find() ? NEVER : 0) | (CONTENT.matcher(name).find() ? MARKED_CONTENT : 0)
                | (LEAD_BLOCK.matcher(name).find() ? LEAD_WORD : 0) | (LAYOUT_WORDS.matcher(name).lookingAt() ? LAYOUT : 0);
        if (this.nameWords.size() > MAX_NAMES) {
            this.nameWords.clear();
        }
        this.nameWords.put(name, bits);
        return bits;
    }
}
