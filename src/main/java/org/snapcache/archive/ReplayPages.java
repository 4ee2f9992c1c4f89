package org.snapcache.archive;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Replay pages that are not the capture itself: the crawl-time redirect interstitial, and a framed replay. */
public final class ReplayPages {

    /**
     * Turns an archive's answer, parsed, back into the page it replays: the archive's chrome
     * (toolbar, scripts, banners, comments) removed and the links it rewrote restored, each
     * element looked at for chrome before its links are restored. A page without any is left as
     * it is.
     */
    public static void clean(Document document) {
        new ChromeStripper().strip(document, new LinkRestorer().restorer(document));
    }

    /** A capture that was a redirect when crawled, as the replay shows it; {@code what} is "Got an HTTP 301 response at crawl time". */
    record Interstitial(String what, HttpUrl target) {}

    private ReplayPages() {}

    static Optional<Interstitial> interstitial(byte[] body, String pageUrl) {
        String head = new String(body, StandardCharsets.UTF_8);
        if (!head.contains("response at crawl time")) {
            return Optional.empty();
        }
        Document document = Jsoup.parse(head, pageUrl);
        Element what = document.selectFirst("p.code:containsOwn(response at crawl time)");
        Element link = document.selectFirst("p.impatient a[href]");
        if (what == null || link == null) {
            return Optional.empty();
        }
        HttpUrl target = HttpUrl.parse(link.absUrl("href"));
        return target == null ? Optional.empty() : Optional.of(new Interstitial(what.text().strip(), target));
    }

    /** pywb's framed replay: a top frame whose content is an iframe of the {@code mp_} URL. */
    static boolean isFrame(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.UTF_8);
        return text.contains("new ContentFrame(") || text.contains("id=\"replay_iframe\"") || text.contains("id='replay_iframe'");
    }
}
