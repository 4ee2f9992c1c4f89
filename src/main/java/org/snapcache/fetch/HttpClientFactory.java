package org.snapcache.fetch;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.snapcache.config.HttpSettings;

/**
 * Builds the one OkHttp client a run shares. Redirects are not followed by OkHttp: the archive's
 * redirects carry meaning (nearest capture, captured redirect) and each hop must pass through
 * the rate limit, so {@code archive.ArchiveFetcher} follows them itself.
 */
public final class HttpClientFactory {

    private HttpClientFactory() {}

    public static OkHttpClient create(HttpSettings settings, HostRateLimiter limiter, Sleeper sleeper) {
        return create(settings, limiter, sleeper, Duration.ofSeconds(1));
    }

    public static OkHttpClient create(HttpSettings settings, HostRateLimiter limiter, Sleeper sleeper,
            Duration firstBackoff) {
        return new OkHttpClient.Builder()
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .callTimeout(settings.timeout().multipliedBy(2))
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", settings.userAgent())
                        .build()))
                .addInterceptor(new RetryInterceptor(settings.retries(), firstBackoff, sleeper))
                .addInterceptor(new RateLimitInterceptor(limiter))
                .build();
    }
}
