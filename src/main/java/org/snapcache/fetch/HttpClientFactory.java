package org.snapcache.fetch;

import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.snapcache.config.HttpSettings;

/**
 * Builds the one OkHttp client a run shares.
 *
 * <p>Politeness lives in interceptors: user agent, retries with backoff, the guard that backs off
 * on 429s and gives up on a dead host, and the per-host rate limit, in that order, so that every
 * try passes the rate limit. The last interceptor sends each try as a call of its own on an inner
 * client, and reads its body there, within {@code http.max-body}: that is what makes the
 * whole-call timeout bound one exchange (a server dribbling a byte a second is cut off) rather
 * than the time a request spends waiting for its turn, and a body cut off halfway a retried failure.
 *
 * <p>Redirects are not followed by OkHttp: the archive's redirects carry meaning (nearest
 * capture, captured redirect), so {@code archive.ArchiveFetcher} follows them itself, each hop a
 * request of its own through the rate limit.
 */
public final class HttpClientFactory {

    private HttpClientFactory() {}

    public static OkHttpClient create(HttpSettings settings, HostRateLimiter limiter, HostHealth health, Sleeper sleeper,
            Duration firstBackoff, Clock clock) {
        OkHttpClient exchange = new OkHttpClient.Builder()
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .callTimeout(settings.timeout().multipliedBy(2))
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
        return exchange.newBuilder()
                .callTimeout(Duration.ZERO)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", settings.userAgent())
                        .build()))
                .addInterceptor(new RetryInterceptor(settings.retries(), firstBackoff, sleeper))
                .addInterceptor(new HostGuardInterceptor(health, limiter, settings.rateLimitPause(), clock::instant))
                .addInterceptor(new RateLimitInterceptor(limiter))
                .addInterceptor(new ExchangeInterceptor(exchange, settings.maxBodyBytes()))
                .build();
    }
}
