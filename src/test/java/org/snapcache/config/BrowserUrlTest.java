package org.snapcache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BrowserUrlTest {

    @Test
    void escapesWhatBrowsersEscapeInPathAndQuery() {
        assertEquals("https://example.org/a%20b/%7Bx%7D%7C%5E%60%3C%3E?q=%22a%22%20%7Bb%7D%7Cc%5E%60%3Cd%3E",
                BrowserUrl.of("https://example.org/a b/{x}|^`<>?q=\"a\" {b}|c^`<d>"));
    }

    @Test
    void keepsValidPercentEscapesAndDropsTheFragment() {
        assertEquals("https://example.org/caf%C3%A9?q=%41%2F", BrowserUrl.of("https://example.org/caf%C3%A9?q=%41%2F#top"));
    }

    @Test
    void turnsInternationalHostNamesIntoPunycode() {
        assertEquals("https://xn--bcher-kva.example/", BrowserUrl.of("https://Bücher.example"));
    }

    @Test
    void removesTabsAndLineBreaksAndSurroundingSpaceAsBrowsersDo() {
        assertEquals("https://example.org/path", BrowserUrl.of("  https://example.org/pa\n\tth "));
    }

    @Test
    void saysWhyAUrlCannotBeFetched() {
        assertEquals("\"https://\" has no host", BrowserUrl.problem("https://"));
        assertEquals("\"ftp://x.org/\" is not an absolute http or https URL", BrowserUrl.problem("ftp://x.org/"));
        assertEquals("\"www.example.org\" is not an absolute http or https URL", BrowserUrl.problem("www.example.org"));
        assertEquals("\"https://x.org:99999/\" has no usable host and port (a browser could not open it)",
                BrowserUrl.problem("https://x.org:99999/"));
        assertEquals("url is empty", assertThrows(IllegalArgumentException.class, () -> BrowserUrl.of(" ")).getMessage());
        assertNull(BrowserUrl.problem("HTTP://Example.org"));
    }
}
