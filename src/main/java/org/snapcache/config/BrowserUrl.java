package org.snapcache.config;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * A catalogue URL as a browser would send it, by the WHATWG URL rules that OkHttp's parser
 * follows: international host names in punycode, spaces, quotes, {@code < > ` { } | ^} and the
 * like percent-encoded, valid {@code %} escapes kept, the {@code #fragment} left out (a browser
 * never sends it). A resource's id stays the hash of the URL as written; only fetching uses this.
 */
public final class BrowserUrl {

    /** What the query may still hold after OkHttp's parse that browsers and the archive want escaped. */
    private static final String QUERY_EXTRAS = "{}|^`";

    private BrowserUrl() {}

    /** The longest URL fetched: browsers and archives refuse far shorter ones (the Wayback Machine, some 8,000). */
    static final int MAX_CHARS = 16_384;

    /**
     * @return the URL to fetch for {@code written}
     * @throws IllegalArgumentException saying why no browser could fetch it
     */
    public static String of(String written) {
        if (written.length() > MAX_CHARS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a URL of %,d characters, more than snapcache fetches (%,d)",
                    written.length(), MAX_CHARS));
        }
        String url = written.strip().replaceAll("[\\t\\n\\r]", "");
        if (url.isEmpty()) {
            throw new IllegalArgumentException("url is empty");
        }
        int colon = schemeEnd(url);
        if (colon < 0) {
            throw new IllegalArgumentException("\"" + written + "\" is not an absolute http or https URL");
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("\"" + written + "\" is not an absolute http or https URL");
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            String rest = url.substring(colon + 1).replaceFirst("^[/\\\\]*", "");
            throw new IllegalArgumentException(rest.isEmpty() || "?#".indexOf(rest.charAt(0)) >= 0
                    ? "\"" + written + "\" has no host"
                    : "\"" + written + "\" has no usable host and port (a browser could not open it)");
        }
        String canonical = parsed.newBuilder().fragment(null).build().toString();
        int query = canonical.indexOf('?');
        if (query < 0) {
            return canonical;
        }
        StringBuilder escaped = new StringBuilder(canonical.length() + 16).append(canonical, 0, query);
        for (int i = query; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (QUERY_EXTRAS.indexOf(c) >= 0) {
                escaped.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Why {@code written} cannot be fetched, or null when it can. */
    static String problem(String written) {
        try {
            of(written);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The index of the colon after a scheme ({@code [A-Za-z][A-Za-z0-9+.-]*:}), or -1. */
    private static int schemeEnd(String url) {
        if (url.isEmpty() || !isAsciiLetter(url.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
