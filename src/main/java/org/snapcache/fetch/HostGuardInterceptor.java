package org.snapcache.fetch;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps snapcache off a host that asks it to go away. A 429 without {@code Memento-Datetime} (a
 * captured 429 is a page like any other) holds every worker off the host for {@code Retry-After}
 * or the configured pause, halves the host's rate for the rest of the run, and asks again; after
 * {@link HostHealth#MAX_RATE_LIMITED} in a row, or {@link HostHealth#MAX_CONNECTION_FAILURES}
 * resources in a row whose requests failed to connect, the host is not asked again this run.
 */
final class HostGuardInterceptor implements Interceptor {

    private final HostHealth health;
    private final HostRateLimiter limiter;
    private final Duration defaultPause;
    private final Supplier<Instant> now;

    HostGuardInterceptor(HostHealth health, HostRateLimiter limiter, Duration defaultPause, Supplier<Instant> now) {
        this.health = health;
        this.limiter = limiter;
        this.defaultPause = defaultPause;
        this.now = now;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String host = chain.request().url().host();
        while (true) {
            Optional<String> stopped = health.stopped(host);
            if (stopped.isPresent()) {
                throw new HostStoppedException(host, stopped.get());
            }
            Response response;
            try {
                response = chain.proceed(chain.request());
            } catch (BodyCutShortException e) {
                health.answered(host, false);
                throw e;
            } catch (IOException e) {
                if (RetryInterceptor.isTransient(e)) {
                    health.connectionFailed(host, ResourceTag.of(chain.request()), IoFailure.describe(e));
                }
                throw e;
            }
            boolean rateLimited = response.code() == 429 && response.header("Memento-Datetime") == null;
            health.answered(host, rateLimited);
            if (!rateLimited) {
                return response;
            }
            Duration pause = retryAfter(response.header("Retry-After")).orElse(defaultPause);
            response.close();
            if (health.rateLimited(host) < HostHealth.MAX_RATE_LIMITED) {
                limiter.backOff(host, pause);
            }
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; absent, unreadable or past gives empty. */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(Math.min(seconds, 86_400))) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(now.get(), at);
                return until.isNegative() ? Optional.of(Duration.ZERO) : Optional.of(until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
