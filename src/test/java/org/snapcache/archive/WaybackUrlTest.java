package org.snapcache.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class WaybackUrlTest {

    static final String BASE = "https://web.archive.org/web/";

    @Test
    void formsTheArchiveUrl() {
        assertEquals("https://web.archive.org/web/20201027220743id_/https://www.whitehouse.gov/ostp/about/student/faqs",
                new WaybackUrl(BASE, "20201027220743", "id_", "https://www.whitehouse.gov/ostp/about/student/faqs").toString());
    }

    @Test
    void parsesTimestampModifierAndOriginal() {
        Optional<WaybackUrl> url = WaybackUrl.parse(BASE,
                HttpUrl.get("https://web.archive.org/web/19961231235847id_/http://www.nasa.gov/?q=1"));
        assertEquals(Optional.of(new WaybackUrl(BASE, "19961231235847", "id_", "http://www.nasa.gov/?q=1")), url);
    }

    @Test
    void parsesCollectionPrefixesAndReplayUrlsWithoutModifier() {
        String base = "https://www.webarchive.org.uk/wayback/archive/";
        assertEquals(Optional.of(new WaybackUrl(base, "2020", "", "https://www.gov.uk/")),
                WaybackUrl.parse(base, HttpUrl.get("https://www.webarchive.org.uk/wayback/archive/2020/https://www.gov.uk/")));
    }

    @Test
    void urlsOutsideTheArchiveAreNotWaybackUrls() {
        assertEquals(Optional.empty(), WaybackUrl.parse(BASE, HttpUrl.get("https://www.nasa.gov/web/2020/x")));
        assertEquals(Optional.empty(), WaybackUrl.parse(BASE, HttpUrl.get("https://web.archive.org/save/https://x/")));
        assertEquals(Optional.empty(), WaybackUrl.parse(BASE, HttpUrl.get("https://web.archive.org/web/")));
    }
}
