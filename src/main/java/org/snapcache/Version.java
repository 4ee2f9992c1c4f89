package org.snapcache;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** snapcache's version, as Maven stamped it into the jar. */
public final class Version {

    private Version() {}

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/snapcache.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    /** The default User-Agent: names the tool so that an archive's operators can tell who is asking. */
    public static String userAgent() {
        return "snapcache/" + current() + " (archive preview cache; Java OkHttp)";
    }
}
