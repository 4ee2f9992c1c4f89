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
