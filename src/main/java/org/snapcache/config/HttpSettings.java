package org.snapcache.config;

import java.time.Duration;
import java.util.Objects;

/**
 * @param maxBodyBytes the most bytes read of one response; larger ones are failures
 */
public record HttpSettings(
        String userAgent,
        Duration timeout,
        int concurrency,
        int requestsPerMinute,
        int retries,
        long maxBodyBytes) {

    public HttpSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timeout, "timeout");
        if (concurrency < 1 || requestsPerMinute < 1 || retries < 0 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("http settings out of range");
        }
    }
}
