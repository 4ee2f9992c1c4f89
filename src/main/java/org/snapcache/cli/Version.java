package org.snapcache.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** snapcache's version, as Maven stamped it into the jar. */
public final class Version {

    private Version() {}

    public static String current() {
        return property("version", "dev");
    }

    /** The version and when it was built: what a derived file made by this build is keyed on. */
    public static String build() {
        return current() + " built " + property("built", "at an unknown time");
    }

    private static String property(String name, String otherwise) {
        try (InputStream in = Version.class.getResourceAsStream("/snapcache.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty(name, otherwise);
        } catch (IOException e) {
            return otherwise;
        }
    }

    /** The default User-Agent: names the tool so that an archive's operators can tell who is asking. */
    public static String userAgent() {
        return "snapcache/" + current() + " (archive preview cache; Java OkHttp)";
    }
}
