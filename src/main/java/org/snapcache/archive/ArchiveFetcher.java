package org.snapcache.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.snapcache.config.ArchiveSettings;
import org.snapcache.config.Resource;
import org.snapcache.fetch.Bodies;
import org.snapcache.fetch.BodyTooLargeException;
import org.snapcache.fetch.HostStoppedException;
import org.snapcache.fetch.RetriesExhaustedException;

/**
 * Reads a resource's capture from a Wayback-style archive: asks for the resource's pinned
 * timestamp or for "now", follows the archive's redirects to the nearest capture and any captured
 * redirects, and tells a real answer (it carries {@code Memento-Datetime}) from the archive's own
 * errors (they do not).
 */
public final class ArchiveFetcher {

    static final int MAX_REDIRECTS = 10;

    private final OkHttpClient client;
    private final ArchiveSettings archive;
    private final long maxBodyBytes;
    private final Clock clock;

    public ArchiveFetcher(OkHttpClient client, ArchiveSettings archive, long maxBodyBytes, Clock clock) {
        this.client = client;
        this.archive = archive;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    /** The archive URL asked for first: the pinned capture, or the latest one. */
    public WaybackUrl firstUrl(Resource resource) {
        String timestamp = resource.archivedAt().orElseGet(() -> Timestamps.of(clock.instant()));
        return new WaybackUrl(archive.baseUrl(), timestamp, archive.mode().modifier(), resource.url());
    }

    public Capture fetch(Resource resource) throws ArchiveException {
        WaybackUrl first = firstUrl(resource);
        HttpUrl url = HttpUrl.parse(first.toString());
        if (url == null) {
            throw new ArchiveException(ArchiveException.Kind.UNREADABLE, first.toString(),
                    "cannot form an archive URL from " + resource.url());
        }
        String timestamp = first.timestamp();
        Set<HttpUrl> seen = new HashSet<>();
        for (int hop = 0; ; hop++) {
            if (!seen.add(url)) {
                throw new ArchiveException(ArchiveException.Kind.REDIRECT, url.toString(), "redirect loop at " + url);
            }
            if (hop > MAX_REDIRECTS) {
                throw new ArchiveException(ArchiveException.Kind.REDIRECT, url.toString(),
                        "more than " + MAX_REDIRECTS + " redirects, last to " + url);
            }
            try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
                String memento = response.header("Memento-Datetime");
                timestamp = Timestamps.fromMementoDatetime(memento)
                        .or(() -> WaybackUrl.parse(archive.baseUrl(), response.request().url()).map(WaybackUrl::timestamp))
                        .orElse(timestamp);
                if (response.isRedirect()) {
                    url = nextHop(response, timestamp);
                    continue;
                }
                if (memento == null && response.code() >= 400) {
                    throw archiveError(response, resource);
                }
                return capture(response, timestamp);
            } catch (HostStoppedException e) {
                throw new ArchiveException(ArchiveException.Kind.HOST_STOPPED, url.toString(), e.getMessage(), e);
            } catch (RetriesExhaustedException e) {
                throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, e.url(), e.getMessage(), e);
            } catch (BodyTooLargeException e) {
                throw new ArchiveException(ArchiveException.Kind.UNREADABLE, url.toString(), e.getMessage(), e);
            } catch (SocketTimeoutException e) {
                throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, url.toString(), "timed out reading " + url, e);
            } catch (InterruptedIOException e) {
                if ("timeout".equals(e.getMessage())) {
                    throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, url.toString(),
                            "timed out: the whole call to " + url + " took too long", e);
                }
                throw new ArchiveException(ArchiveException.Kind.INTERRUPTED, url.toString(), "interrupted: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, url.toString(),
                        "cannot read " + url + ": " + oneLine(e), e);
            }
        }
    }

    /**
     * Where a redirect leads. The archive's redirect to the nearest capture stays inside the archive;
     * a captured redirect may name the original site, which is then read from the archive too.
     */
    private HttpUrl nextHop(Response response, String timestamp) throws ArchiveException {
        HttpUrl from = response.request().url();
        String location = response.header("Location");
        HttpUrl next = location == null ? null : from.resolve(location.trim());
        if (next == null) {
            throw new ArchiveException(ArchiveException.Kind.REDIRECT, from.toString(), "archive answered "
                    + response.code() + " with " + (location == null ? "no Location" : "an unusable Location: " + location));
        }
        if (WaybackUrl.parse(archive.baseUrl(), next).isPresent()) {
            return next;
        }
        HttpUrl archived = HttpUrl.parse(new WaybackUrl(archive.baseUrl(), timestamp, archive.mode().modifier(),
                next.toString()).toString());
        if (archived == null) {
            throw new ArchiveException(ArchiveException.Kind.REDIRECT, from.toString(), "unusable redirect to " + next);
        }
        return archived;
    }

    private static ArchiveException archiveError(Response response, Resource resource) {
        String url = response.request().url().toString();
        if (response.code() == 404) {
            return new ArchiveException(ArchiveException.Kind.NOT_ARCHIVED, url,
                    "not archived: the archive has no capture of " + resource.url());
        }
        String detail = Optional.ofNullable(response.header("X-Archive-Wayback-Runtime-Error"))
                .map(e -> " (" + e + ")").orElse("");
        return new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, url, "archive answered " + response.code() + detail);
    }

    private Capture capture(Response response, String timestamp) throws IOException {
        byte[] body = Bodies.read(response, maxBodyBytes);
        MediaType type = response.body() == null ? null : response.body().contentType();
        String mediaType = type == null ? "" : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
        Optional<String> charset = type == null ? Optional.empty() : Optional.ofNullable(type.parameter("charset"));
        return new Capture(response.request().url().toString(), timestamp, response.code(), mediaType, charset, body);
    }

    private static String oneLine(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
