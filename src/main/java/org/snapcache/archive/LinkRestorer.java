package org.snapcache.archive;

import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns the links and image sources a replay rewrote ({@code /web/20201027220743im_/https://...})
 * back into the original URLs, so that a page read in playback mode is the page as it was.
 */
public final class LinkRestorer {

    /** The attributes that hold a link. */
    private static final String[] LINKS = {"href", "src", "action", "poster", "cite"};

    public void restore(Document document) {
        Consumer<Element> restorer = restorer(document);
        DomWalk.walk(document, node -> {
            if (node instanceof Element element) {
                restorer.accept(element);
            }
            return true;
        });
    }

    /** What {@link #restore} does to each element of the document, for a walk that does more. */
    public Consumer<Element> restorer(Document document) {
        HttpUrl base = HttpUrl.parse(document.baseUri()); // the page's address, or its <base href>
        return element -> {
            if (element.attributesSize() == 0) {
                return;
            }
            // looked up by name, in the lower case the HTML parser gives, rather than iterated,
            // which makes an Attribute of each
            Attributes attributes = element.attributes();
            for (String key : LINKS) {
                String value = attributes.get(key);
                if (!value.isEmpty()) {
                    restore(attributes, key, value, base);
                }
            }
        };
    }

    private static void restore(Attributes attributes, String key, String raw, HttpUrl base) {
        String value = raw.strip();
        if (value.isEmpty() || !mayBeRewritten(value)) {
            return;
        }
        Optional<String> original = readOriginal(value, base);
        if (original == null) {
            // resolved here rather than by jsoup's absUrl, which is many times slower
            HttpUrl url = base == null ? HttpUrl.parse(value) : base.resolve(value);
            original = url == null ? Optional.empty() : WaybackUrl.originalOf(url);
        }
        original.ifPresent(url -> attributes.put(key, url));
    }

    /**
     * The original URL of a link whose path, query and fragment resolving would leave as they are,
     * read straight off the link; null for any other link, which is resolved. A replay rewrites
     * every link of a page, and resolving each was most of the work of reading a replayed page.
     */
    static Optional<String> readOriginal(String value, HttpUrl base) {
        int pathStart;
        if (value.startsWith("https://") || value.startsWith("http://")) {
            pathStart = endOfHost(value, value.indexOf("//") + 2);
        } else if (base == null) {
            return null; // a link without a scheme names nothing without a base
        } else if (value.startsWith("//")) {
            pathStart = endOfHost(value, 2);
        } else {
            pathStart = value.startsWith("/") ? 0 : -1;
        }
        int hash = value.indexOf('#');
        if (pathStart < 0 || hash != value.lastIndexOf('#') || !isCanonical(value, pathStart)) {
            return null;
        }
        int end = hash < 0 ? value.length() : hash;
        int question = value.indexOf('?', pathStart);
        if (question > end) {
            question = -1;
        }
        return WaybackUrl.originalOf(value.substring(pathStart, question < 0 ? end : question),
                question < 0 ? null : value.substring(question + 1, end), hash < 0 ? null : value.substring(hash + 1));
    }

    /** Where the path starts after a plain host name (letters, digits, dots and hyphens) at {@code from}, or -1. */
    private static int endOfHost(String value, int from) {
        int at = from;
        while (at < value.length() && (Character.isLetterOrDigit(value.charAt(at)) && value.charAt(at) < 0x80
                || value.charAt(at) == '.' || value.charAt(at) == '-')) {
            at++;
        }
        return at > from && at < value.length() && value.charAt(at) == '/' ? at : -1;
    }

    /**
     * Whether the path, query and fragment from {@code from} on are as a URL parser would give them:
     * only characters no part of a URL escapes or reads specially, no percent escapes, and no
     * {@code .} or {@code ..} segment.
     */
    private static boolean isCanonical(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '/' || c == '-' || c == '_' || c == '~' || c == ':' || c == '@' || c == '!' || c == '$'
                    || c == '&' || c == '(' || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '='
                    || c == '?' || c == '#';
            if (c == '.') {
                // a segment of dots is resolved away; a dot inside a name is plain
                plain = value.charAt(i - 1) != '/' || i + 1 < value.length() && value.charAt(i + 1) != '/'
                        && value.charAt(i + 1) != '.' && value.charAt(i + 1) != '?' && value.charAt(i + 1) != '#';
            }
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a link can be a replay's rewrite: somewhere in it a timestamp, with or without a
     * modifier ({@code 20201027220743im_}), is followed by {@code /} and a scheme ({@code https:},
     * {@code mailto:}). Checked on the
     * raw value, as most links of most pages are not rewritten and resolving each is costly.
     */
    static boolean mayBeRewritten(String value) {
        for (int at = value.indexOf('/', 1); at > 0; at = value.indexOf('/', at + 1)) {
            char before = value.charAt(at - 1);
            if ((before == '_' || Character.isDigit(before)) && startsWithScheme(value, at + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithScheme(String value, int from) {
        int at = from;
        while (at < value.length() && at - from < 12 && (Character.isLetterOrDigit(value.charAt(at))
                || value.charAt(at) == '+' || value.charAt(at) == '.' || value.charAt(at) == '-')) {
            at++;
        }
        return at > from && at < value.length() && value.charAt(at) == ':' && Character.isLetter(value.charAt(from));
    }
}
