package org.snapcache.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Every request, retries and redirect hops included, takes a slot of its host's rate budget. */
final class RateLimitInterceptor implements Interceptor {

    private final HostRateLimiter limiter;

    RateLimitInterceptor(HostRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HostRateLimiter.Slot slot;
        try {
            slot = limiter.acquire(chain.request().url().host());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the rate limit");
        }
        try {
            return chain.proceed(chain.request());
        } finally {
            limiter.release(slot);
        }
    }
}
