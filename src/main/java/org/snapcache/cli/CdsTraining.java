package org.snapcache.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.snapcache.archive.Capture;
import org.snapcache.cache.MetaJson;
import org.snapcache.config.ConfigException;
import org.snapcache.config.ConfigLoader;
import org.snapcache.extract.ContentExtractor;
import org.snapcache.extract.ExtractionException;

/**
 * What the launcher's class-data-sharing archive is trained on besides the command it runs: the
 * set-up a fetching command needs before its first request and its first stored page (OkHttp and
 * TLS, the JSON mapper, the HTML parser and extraction), and the parse of a config.yaml, as the
 * training command reads its catalogue from the snapshot. With their classes in the archive, a
 * run's first request goes out about 0.4 s sooner.
 */
public final class CdsTraining {

    /** Set by the launcher when it records the classes snapcache loads. */
    public static final String PROPERTY = "snapcache.cds-training";

    private CdsTraining() {}

    /** Whether this process is the launcher's training run. */
    public static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Loads, by using them once, the classes a fetching command needs first; never fails. */
    public static void loadFetchingCode() {
        try {
            new OkHttpClient.Builder().build();
            MetaJson.mapper();
            byte[] page = "<html><head><title>snapcache</title></head><body><main><p>Training.</p></main></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            new ContentExtractor(100).extract(new Capture("http://127.0.0.1/", Capture.ARCHIVE, "", "", Optional.empty(), 200,
                    "text/html", Optional.of("UTF-8"), page));
        } catch (ExtractionException | RuntimeException | LinkageError e) {
            // an archive that lacks these classes only makes start-up slower
        }
        // the training command read its catalogue from the snapshot; a changed config.yaml is parsed
        Path config = null;
        try {
            config = Files.createTempFile("snapcache-training", ".yaml");
            Files.writeString(config, "resources:\n  - url: https://example.org/\n    max-age: 7d\n");
            new ConfigLoader("snapcache").load(config);
        } catch (IOException | ConfigException | RuntimeException | LinkageError e) {
            // as above
        } finally {
            if (config != null) {
                try {
                    Files.deleteIfExists(config);
                } catch (IOException e) {
                    // a file in the temporary folder
                }
            }
        }
    }
}
