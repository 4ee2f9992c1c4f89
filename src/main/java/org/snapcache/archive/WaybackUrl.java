package org.snapcache.archive;

import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A URL of the form {@code <base><timestamp><modifier>/<original>} under one archive's replay
 * prefix, such as {@code https://web.archive.org/web/20201027220743id_/https://example.org/}.
 */
public record WaybackUrl(String base, String timestamp, String modifier, String original) {

    public WaybackUrl {
        if (!base.endsWith("/") || !Timestamps.isTimestamp(timestamp)) {
            throw new IllegalArgumentException("not a Wayback URL: " + base + timestamp + modifier + "/" + original);
        }
    }

    @Override
    public String toString() {
        return base + timestamp + modifier + "/" + original;
    }

    /**
     * The original URL inside a replay link of any Wayback-style archive,
     * {@code .../<1-14 digits><modifier>/<URL with a scheme>}, whatever the archive's prefix.
     */
    public static Optional<String> originalOf(HttpUrl url) {
        return originalOf(url.encodedPath(), url.encodedQuery(), url.encodedFragment());
    }

    /** As {@link #originalOf(HttpUrl)}, from a URL's encoded path, and its query and fragment or null. */
    static Optional<String> originalOf(String path, String query, String fragment) {
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            int digits = slash + 1;
            while (digits < path.length() && digits - slash - 1 < 14 && Character.isDigit(path.charAt(digits))) {
                digits++;
            }
            if (digits == slash + 1) {
                continue;
            }
            int end = digits;
            while (end < path.length() && end - digits < 3 && Character.isLowerCase(path.charAt(end))) {
                end++;
            }
            if (end > digits && (end >= path.length() || path.charAt(end) != '_')) {
                continue;
            }
            int next = end > digits ? end + 1 : end;
            if (next >= path.length() || path.charAt(next) != '/') {
                continue;
            }
            String rest = path.substring(next + 1);
            if (startsWithScheme(rest)) {
                return Optional.of(withBothSlashes(rest) + (query == null ? "" : "?" + query)
                        + (fragment == null ? "" : "#" + fragment));
            }
        }
        return Optional.empty();
    }

    /** {@code https:/example.org/}, a slash lost on the way (some archives and proxies merge them), as {@code https://example.org/}. */
    private static String withBothSlashes(String url) {
        for (String scheme : new String[] {"https:/", "http:/"}) {
            if (url.startsWith(scheme)) {
                return url.startsWith("/", scheme.length()) ? url : scheme + "/" + url.substring(scheme.length());
            }
        }
        return url;
    }

    /** {@code http:}, {@code https:}, {@code mailto:} ...: a URL scheme of letters, digits, + - and . before a colon. */
    private static boolean startsWithScheme(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || colon > 10 || !Character.isLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code url} as a Wayback URL under {@code base}, if it is one. */
    public static Optional<WaybackUrl> parse(String base, HttpUrl url) {
        HttpUrl prefix = HttpUrl.parse(base);
        if (prefix == null || !prefix.host().equalsIgnoreCase(url.host())) {
            return Optional.empty();
        }
        String path = url.encodedPath();
        String prefixPath = prefix.encodedPath();
        if (!path.startsWith(prefixPath)) {
            return Optional.empty();
        }
        String rest = path.substring(prefixPath.length());
        int digits = 0;
        while (digits < rest.length() && digits < 14 && Character.isDigit(rest.charAt(digits))) {
            digits++;
        }
        int slash = rest.indexOf('/', digits);
        if (digits == 0 || slash < 0) {
            return Optional.empty();
        }
        String query = url.encodedQuery() == null ? "" : "?" + url.encodedQuery();
        return Optional.of(new WaybackUrl(base, rest.substring(0, digits), rest.substring(digits, slash),
                rest.substring(slash + 1) + query));
    }
}
