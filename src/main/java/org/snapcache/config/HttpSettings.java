package org.snapcache.config;

import java.time.Duration;
import java.util.Objects;

/**
 * @param maxBodyBytes the most bytes read of one response, after decompression; larger ones are failures
 * @param rateLimitPause how long every worker keeps off a host after a 429 without {@code Retry-After}
 */
public record HttpSettings(
        String userAgent,
        Duration timeout,
        int concurrency,
        int requestsPerMinute,
        int retries,
        long maxBodyBytes,
        Duration rateLimitPause) {

    public HttpSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(rateLimitPause, "rateLimitPause");
        if (concurrency < 1 || requestsPerMinute < 1 || retries < 0 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("http settings out of range");
        }
    }
}
