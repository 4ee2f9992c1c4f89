package org.snapcache.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdsTrainingTest {

    /** The classes a JVM running snapcache's Main with these arguments loads, from -Xlog:class+load. */
    private static String loadedClasses(boolean training, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path")));
        if (training) {
            command.add("-D" + CdsTraining.PROPERTY + "=true");
        }
        command.add("org.snapcache.Main");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    @Test
    void theLaunchersTrainingRunAlsoLoadsWhatTheFirstRequestAndPageNeed() throws Exception {
        String plain = loadedClasses(false, "--version");
        assertFalse(plain.contains("okhttp3.OkHttpClient "), "a plain --version loads no HTTP client");
        assertFalse(plain.contains("org.snapcache.config.YamlReader "), "nor a YAML reader");

        String training = loadedClasses(true, "--version");
        for (String name : List.of("okhttp3.OkHttpClient ", "org.jsoup.parser.HtmlTreeBuilder ",
                "com.fasterxml.jackson.databind.ObjectMapper ", "org.snapcache.extract.HtmlTextExtractor ",
                "org.snapcache.config.YamlReader ")) {
            assertTrue(training.contains(name), name + " is loaded in training");
        }
    }
}
