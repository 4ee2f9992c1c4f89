package org.snapcache.extract;

/** Plain text as it came, with line endings unified, trailing spaces and runs of blank lines trimmed. */
final class PlainText {

    private PlainText() {}

    static String normalise(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!unified.isEmpty() && unified.charAt(0) == '\uFEFF') {
            unified = unified.substring(1);
        }
        StringBuilder out = new StringBuilder(unified.length());
        int blank = 0;
        for (String line : unified.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            if (trimmed.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(trimmed);
            blank = 0;
        }
        return out.toString();
    }
}
