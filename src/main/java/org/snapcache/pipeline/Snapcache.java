package org.snapcache.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.snapcache.archive.ArchiveFetcher;
import org.snapcache.archive.CaptureSelector;
import org.snapcache.archive.CdxClient;
import org.snapcache.archive.LiveFetcher;
import org.snapcache.archive.SavePageNow;
import org.snapcache.cache.CacheStore;
import org.snapcache.config.ConfigException;
import org.snapcache.config.SaveSettings;
import org.snapcache.config.Settings;
import org.snapcache.extract.ContentExtractor;
import org.snapcache.extract.PreviewCutter;
import org.snapcache.fetch.HostHealth;
import org.snapcache.fetch.HostRateLimiter;
import org.snapcache.fetch.HttpClientFactory;
import org.snapcache.fetch.Sleeper;
import org.snapcache.fetch.StopSignal;
import org.snapcache.fetch.StoppableSleeper;

/** Wires snapcache's parts for one set of settings: one HTTP client, one rate limiter, one cache. */
public final class Snapcache implements AutoCloseable {

    private final Settings settings;
    private final Environment environment;
    private final CacheStore store;
    private final HostHealth health = new HostHealth();
    private final StopSignal stop = new StopSignal();
    private OkHttpClient client;
    private PrintWriter requestLog;

    public Snapcache(Settings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
        this.store = new CacheStore(settings.cacheDir());
    }

    public Settings settings() {
        return settings;
    }

    public Environment environment() {
        return environment;
    }

    public CacheStore store() {
        return store;
    }

    /**
     * Writes a line for every archive request as it starts, seconds since the first and host, to
     * {@code file}: the rate limiter's own record, to check a run against requests-per-minute.
     */
    public void logRequestsTo(Path file) throws IOException {
        requestLog = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** The shared HTTP client, built on first use only, as status and show need none. */
    private OkHttpClient client() {
        if (client == null) {
            Sleeper sleeper = new StoppableSleeper(environment.sleeper(), stop);
            HostRateLimiter limiter = new HostRateLimiter(settings.http().requestsPerMinute(), environment.ticker(), sleeper);
            if (requestLog != null) {
                long first = environment.ticker().nanos();
                limiter.logStarts((host, nanos) -> requestLog.printf(Locale.ROOT, "%.3f\t%s%n", (nanos - first) / 1e9, host));
            }
            client = HttpClientFactory.create(settings.http(), limiter, health, sleeper, environment.firstBackoff(),
                    environment.clock());
        }
        return client;
    }

    /**
     * The refresher of a whole batch.
     *
     * @throws ConfigException when {@code archive.save-missing} is on without the archive's keys
     */
    public BatchRefresher batch() throws ConfigException {
        Optional<Saves> saves = Optional.empty();
        if (settings.save().isPresent()) {
            SaveSettings save = settings.save().get();
            saves = Optional.of(new Saves(new SavePageNow(client(), save.endpoint(), saveKeys()), save, environment.clock(),
                    environment.ticker(), environment.firstBackoff(), stop));
        }
        long maxBody = settings.http().maxBodyBytes();
        ArchiveFetcher fetcher = new ArchiveFetcher(client(), settings.archive().mode(), maxBody);
        Optional<LiveFetcher> live = settings.liveFallback()
                ? Optional.of(new LiveFetcher(client(), maxBody, environment.clock())) : Optional.empty();
        CaptureSelector selector = new CaptureSelector(fetcher, cdx(), live, settings.archive(), environment.clock());
        ResourceRefresher refresher = new ResourceRefresher(selector,
                new ContentExtractor(settings.previewChars(), settings.fullTextChars()), new PreviewCutter(settings.previewChars()),
                settings.fullTextChars(), store, environment.clock(), saves.map(any -> settings.maxAge()));
        return new BatchRefresher(refresher, settings.http().concurrency(), saves);
    }

    /** The archive's keys for saves, from the environment; a configuration problem naming the two variables when one is missing. */
    public SaveSettings.Keys saveKeys() throws ConfigException {
        return SaveSettings.Keys.from(environment.variables());
    }

    /** The archives' CDX servers. */
    public CdxClient cdx() {
        return new CdxClient(client());
    }

    /** Stops this run gracefully: nothing new starts, waits end. */
    public StopSignal stopSignal() {
        return stop;
    }

    /** What this run learnt about the archive hosts: which it stopped asking, and why. */
    public HostHealth health() {
        return health;
    }

    @Override
    public void close() {
        if (requestLog != null) {
            requestLog.close();
        }
        if (client != null) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
