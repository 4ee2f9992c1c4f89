package org.snapcache.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Retries the archive's own server errors (500, 502, 503, 504), connection failures and
 * timeouts, with exponential backoff and jitter; other 4xx answers are final. A server error carrying {@code Memento-Datetime} is a captured
 * page, the original site's answer at crawl time, and is content rather than a failure.
 */
final class RetryInterceptor implements Interceptor {

    private static final Set<Integer> RETRIED = Set.of(500, 502, 503, 504);

    private final int retries;
    private final Duration firstBackoff;
    private final Sleeper sleeper;

    RetryInterceptor(int retries, Duration firstBackoff, Sleeper sleeper) {
        this.retries = retries;
        this.firstBackoff = firstBackoff;
        this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String url = chain.request().url().toString();
        int tries = 0;
        while (true) {
            tries++;
            int status;
            IOException failure = null;
            try {
                Response response = chain.proceed(chain.request());
                if (!isArchiveServerError(response)) {
                    return response;
                }
                status = response.code();
                response.close();
            } catch (IOException e) {
                // timeouts are InterruptedIOExceptions too, and are retried; a real interrupt is not
                if (!isTransient(e)) {
                    throw e;
                }
                status = 0;
                failure = e;
            }
            if (tries > retries) {
                throw new RetriesExhaustedException(url, tries, status, failure);
            }
            pause(tries);
        }
    }

    /** Whether another try may go better: not after an interrupt, a stopped host, an untrusted certificate or a body over the limit. */
    static boolean isTransient(IOException e) {
        return !Thread.currentThread().isInterrupted() && !(e instanceof HostStoppedException)
                && !(e instanceof SSLHandshakeException) && !(e instanceof SSLPeerUnverifiedException)
                && !(e instanceof BodyTooLargeException);
    }

    static boolean isArchiveServerError(Response response) {
        return RETRIED.contains(response.code()) && response.header("Memento-Datetime") == null;
    }

    private void pause(int tries) throws InterruptedIOException {
        long base = firstBackoff.toMillis() << Math.min(tries - 1, 10);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        try {
            sleeper.sleep(Duration.ofMillis(jittered));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during backoff");
        }
    }
}
