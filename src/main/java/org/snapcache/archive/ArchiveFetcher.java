package org.snapcache.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.snapcache.config.ArchiveMode;
import org.snapcache.fetch.Bodies;
import org.snapcache.fetch.BodyTooLargeException;
import org.snapcache.fetch.HostStoppedException;
import org.snapcache.fetch.IoFailure;
import org.snapcache.fetch.ResourceTag;
import org.snapcache.fetch.RetriesExhaustedException;

/**
 * Reads one capture from one Wayback-style archive: asks for a timestamp, follows the archive's
 * redirect to the nearest capture and any captured redirect (in raw mode a real 3xx, in playback
 * mode the "Got an HTTP 301 response at crawl time" interstitial), asks a framed pywb archive for
 * its {@code mp_} content, and tells a real answer (it carries {@code Memento-Datetime}) from the
 * archive's own errors: not archived, excluded, blocked.
 */
public final class ArchiveFetcher {

    static final int MAX_REDIRECTS = 10;

    private final OkHttpClient client;
    private final ArchiveMode mode;
    private final long maxBodyBytes;

    public ArchiveFetcher(OkHttpClient client, ArchiveMode mode, long maxBodyBytes) {
        this.client = client;
        this.mode = mode;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Reads {@code original} from the archive under {@code base}, as near as it has to {@code timestamp}. */
    public Capture fetch(String base, String timestamp, String original) throws ArchiveException {
        String asked = new WaybackUrl(base, timestamp, mode.modifier(), original).toString();
        HttpUrl url = HttpUrl.parse(asked);
        if (url == null) {
            throw new ArchiveException(ArchiveException.Kind.UNREADABLE, asked, "cannot form an archive URL from " + original);
        }
        String served = timestamp;
        String via = "";
        Set<HttpUrl> seen = new HashSet<>();
        for (int hop = 0; ; hop++) {
            if (!seen.add(url)) {
                throw new ArchiveException(ArchiveException.Kind.REDIRECT, url.toString(), via + "redirect loop at " + url);
            }
            if (hop > MAX_REDIRECTS) {
                throw new ArchiveException(ArchiveException.Kind.REDIRECT, url.toString(),
                        via + "more than " + MAX_REDIRECTS + " redirects, last to " + url);
            }
            try (Response response = client.newCall(ResourceTag.request(original).url(url).build()).execute()) {
                String memento = response.header("Memento-Datetime");
                HttpUrl at = response.request().url();
                served = Timestamps.fromMementoDatetime(memento)
                        .or(() -> WaybackUrl.parse(base, at).map(WaybackUrl::timestamp))
                        .orElse(served);
                if (response.isRedirect()) {
                    if (memento != null) {
                        via = "captured redirect (HTTP " + response.code() + " at crawl time) to "
                                + Optional.ofNullable(response.header("Location")).orElse("nowhere") + ": ";
                    }
                    url = nextHop(response, base, served, via);
                    continue;
                }
                if (memento == null && response.code() >= 400) {
                    throw archiveError(response, at.host(), original, via);
                }
                Capture capture = capture(response, served);
                if (mode == ArchiveMode.PLAYBACK && isHtml(capture)) {
                    Optional<ReplayPages.Interstitial> interstitial = memento == null
                            ? ReplayPages.interstitial(capture.body(), at.toString()) : Optional.empty();
                    if (interstitial.isPresent()) {
                        via = "redirect interstitial (" + interstitial.get().what() + ") to " + interstitial.get().target() + ": ";
                        url = interstitial.get().target();
                        continue;
                    }
                    if (ReplayPages.isFrame(capture.body()) && !mode.modifier().equals("mp_")) {
                        url = HttpUrl.get(new WaybackUrl(base, served, "mp_", original).toString());
                        continue;
                    }
                }
                if (memento == null) {
                    throw notACapture(capture, at.host(), original, via);
                }
                return capture;
            } catch (HostStoppedException e) {
                throw new ArchiveException(ArchiveException.Kind.HOST_STOPPED, url.toString(), e.getMessage(), e);
            } catch (RetriesExhaustedException e) {
                throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, e.url(), via + e.getMessage(), e);
            } catch (BodyTooLargeException e) {
                throw new ArchiveException(ArchiveException.Kind.UNREADABLE, url.toString(), via + e.getMessage(), e);
            } catch (SocketTimeoutException e) {
                throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, url.toString(), via + "timed out reading " + url, e);
            } catch (InterruptedIOException e) {
                if ("timeout".equals(e.getMessage())) {
                    throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, url.toString(),
                            via + "timed out: the whole call to " + url + " took too long", e);
                }
                throw new ArchiveException(ArchiveException.Kind.INTERRUPTED, url.toString(), "interrupted: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, url.toString(),
                        via + "cannot read " + url + ": " + IoFailure.describe(e), e);
            }
        }
    }

    /**
     * Where a redirect leads. The archive's redirect to the nearest capture stays inside the archive;
     * a captured redirect may name the original site, which is then read from the archive too.
     */
    private HttpUrl nextHop(Response response, String base, String timestamp, String via) throws ArchiveException {
        HttpUrl from = response.request().url();
        String location = response.header("Location");
        HttpUrl next = location == null ? null : from.resolve(location.trim());
        if (next == null) {
            throw new ArchiveException(ArchiveException.Kind.REDIRECT, from.toString(), via + "archive answered "
                    + response.code() + " with " + (location == null ? "no Location" : "an unusable Location: " + location));
        }
        if (WaybackUrl.parse(base, next).isPresent()) {
            return next;
        }
        HttpUrl archived = HttpUrl.parse(new WaybackUrl(base, timestamp, mode.modifier(), next.toString()).toString());
        if (archived == null) {
            throw new ArchiveException(ArchiveException.Kind.REDIRECT, from.toString(), via + "unusable redirect to " + next);
        }
        return archived;
    }

    /** The archive's own refusal: never archived, excluded from the archive, or blocked. */
    private static ArchiveException archiveError(Response response, String host, String original, String via) throws IOException {
        String url = response.request().url().toString();
        String runtimeError = response.header("X-Archive-Wayback-Runtime-Error");
        byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
        String text = new String(body, 0, Math.min(body.length, 200_000), StandardCharsets.UTF_8);
        if (text.contains("has been excluded from the Wayback Machine")
                || runtimeError != null && runtimeError.contains("RobotAccessControl")) {
            return new ArchiveException(ArchiveException.Kind.EXCLUDED, url, via + "excluded: " + host + " does not serve "
                    + original + " (it has been excluded from the archive" + (runtimeError == null ? "" : ": " + runtimeError) + ")");
        }
        if (runtimeError != null && response.code() == 403) {
            return new ArchiveException(ArchiveException.Kind.BLOCKED, url, via + "blocked: " + host + " refuses to serve "
                    + original + " (" + runtimeError + ")");
        }
        if (response.code() == 404) {
            return new ArchiveException(ArchiveException.Kind.NOT_ARCHIVED, url, via + "not archived: " + host
                    + " has no capture of " + original);
        }
        String detail = runtimeError == null ? "" : " (" + runtimeError + ")";
        return new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, url, via + "archive answered " + response.code() + detail);
    }

    /**
     * An answer without {@code Memento-Datetime} is the archive's own page, whatever its status:
     * the Wayback Machine answers an excluded URL with HTTP 200 and a page titled "Wayback Machine".
     */
    private static ArchiveException notACapture(Capture page, String host, String original, String via) {
        String text = new String(page.body(), 0, Math.min(page.body().length, 200_000), StandardCharsets.UTF_8);
        if (text.contains("has been excluded from the Wayback Machine")) {
            return new ArchiveException(ArchiveException.Kind.EXCLUDED, page.archiveUrl(), via + "excluded: " + host
                    + " does not serve " + original + " (it has been excluded from the archive)");
        }
        return new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, page.archiveUrl(), via + "not a capture: " + host
                + " answered HTTP " + page.httpStatus() + " without Memento-Datetime, a page of its own rather than a capture of "
                + original);
    }

    private Capture capture(Response response, String timestamp) throws IOException {
        byte[] body = Bodies.read(response, maxBodyBytes);
        return new Capture(response.request().url().toString(), Capture.ARCHIVE, timestamp, timestamp, Optional.empty(),
                response.code(), ContentTypes.mediaType(response), ContentTypes.charset(response), body);
    }

    private static boolean isHtml(Capture capture) {
        return capture.mediaType().equals("text/html") || capture.mediaType().isEmpty();
    }
}
