package org.snapcache.archive;

import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * Turns the links and image sources a replay rewrote ({@code /web/20201027220743im_/https://...})
 * back into the original URLs, so that a page read in playback mode is the page as it was.
 */
public final class LinkRestorer {

    /** The attributes that hold a link. */
    private static final String[] LINKS = {"href", "src", "action", "poster", "cite"};

    public void restore(Document document) {
        Consumer<Element> restorer = restorer(document);
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element element) {
                restorer.accept(element);
            }
        }, document);
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
        // resolved here rather than by jsoup's absUrl, which is many times slower
        HttpUrl url = base == null ? HttpUrl.parse(value) : base.resolve(value);
        if (url != null) {
            WaybackUrl.originalOf(url).ifPresent(original -> attributes.put(key, original));
        }
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
