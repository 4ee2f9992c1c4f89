package org.snapcache.archive;

import java.util.Optional;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns the links and image sources a replay rewrote ({@code /web/20201027220743im_/https://...})
 * back into the original URLs, so that a page read in playback mode is the page as it was.
 */
public final class LinkRestorer {

    private static final String[] ATTRIBUTES = {"href", "src", "action", "poster", "cite"};

    public void restore(Document document) {
        for (String attribute : ATTRIBUTES) {
            for (Element element : document.select("[" + attribute + "]")) {
                HttpUrl url = HttpUrl.parse(element.absUrl(attribute));
                if (url == null) {
                    continue;
                }
                Optional<String> original = WaybackUrl.originalOf(url);
                original.ifPresent(value -> element.attr(attribute, value));
            }
        }
    }
}
