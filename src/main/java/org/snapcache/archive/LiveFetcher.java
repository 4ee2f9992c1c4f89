package org.snapcache.archive;

import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.snapcache.fetch.Bodies;
import org.snapcache.fetch.HostStoppedException;
import org.snapcache.fetch.IoFailure;

/** Reads a resource from its own site, for {@code live-fallback}: the site's real status, redirects followed. */
public final class LiveFetcher {

    private final OkHttpClient client;
    private final long maxBodyBytes;
    private final Clock clock;

    public LiveFetcher(OkHttpClient client, long maxBodyBytes, Clock clock) {
        this.client = client;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    public Capture fetch(String original) throws ArchiveException {
        HttpUrl url = HttpUrl.parse(original);
        if (url == null) {
            throw new ArchiveException(ArchiveException.Kind.UNREADABLE, original, "live: not an http(s) URL: " + original);
        }
        Set<HttpUrl> seen = new HashSet<>();
        for (int hop = 0; hop <= ArchiveFetcher.MAX_REDIRECTS; hop++) {
            if (!seen.add(url)) {
                throw new ArchiveException(ArchiveException.Kind.REDIRECT, url.toString(), "live: redirect loop at " + url);
            }
            try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
                if (response.isRedirect()) {
                    String location = response.header("Location");
                    HttpUrl next = location == null ? null : url.resolve(location.trim());
                    if (next == null) {
                        throw new ArchiveException(ArchiveException.Kind.REDIRECT, url.toString(),
                                "live: " + url.host() + " answered " + response.code() + " with an unusable Location");
                    }
                    url = next;
                    continue;
                }
                byte[] body = Bodies.read(response, maxBodyBytes);
                String now = Timestamps.of(clock.instant());
                return new Capture(response.request().url().toString(), Capture.LIVE, now, now, Optional.empty(), response.code(),
                        ContentTypes.mediaType(response), ContentTypes.charset(response), body);
            } catch (HostStoppedException e) {
                throw new ArchiveException(ArchiveException.Kind.HOST_STOPPED, url.toString(), e.getMessage(), e);
            } catch (IOException e) {
                throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, url.toString(),
                        "live: cannot read " + url + ": " + IoFailure.describe(e), e);
            }
        }
        throw new ArchiveException(ArchiveException.Kind.REDIRECT, url.toString(),
                "live: more than " + ArchiveFetcher.MAX_REDIRECTS + " redirects, last to " + url);
    }
}
