package org.snapcache.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * {@code archive.save-missing}: asking the archive's Save Page Now to capture a resource it has
 * no capture of.
 *
 * @param endpoint the save API: {@code <origin>/save}, {@code <endpoint>/status/<job>} for a job
 * @param perMinute saves requested a minute at most, on top of the request rate
 * @param waitForPending how long a run waits, once the rest of its work is done, for saves still pending
 */
public record SaveSettings(String endpoint, int perMinute, Duration waitForPending) {

    public static final String ACCESS_KEY = "SNAPCACHE_ARCHIVE_ACCESS_KEY";
    public static final String SECRET_KEY = "SNAPCACHE_ARCHIVE_SECRET_KEY";

    public static final int DEFAULT_PER_MINUTE = 6;
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(3);

    public SaveSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(waitForPending, "waitForPending");
    }

    /**
     * The archive's S3-style keys, from the environment only: never in config.yaml, and never
     * shown; {@link #toString} hides them.
     */
    public record Keys(String access, String secret) {

        /** The keys in {@code variables}, or a configuration problem naming both variables. */
        public static Keys from(Map<String, String> variables) throws ConfigException {
            String access = variables.get(ACCESS_KEY);
            String secret = variables.get(SECRET_KEY);
            if (access == null || access.isBlank() || secret == null || secret.isBlank()) {
                throw new ConfigException(java.util.List.of("archive.save-missing is on, but " + ACCESS_KEY + " and " + SECRET_KEY
                        + " are not both set: give the archive's keys in these two environment variables, or turn save-missing off"));
            }
            return new Keys(access.strip(), secret.strip());
        }

        /** The value of the {@code Authorization} header. */
        public String authorization() {
            return "LOW " + access + ":" + secret;
        }

        @Override
        public String toString() {
            return "Keys[hidden]";
        }
    }
}
