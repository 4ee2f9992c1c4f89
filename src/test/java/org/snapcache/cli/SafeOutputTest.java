package org.snapcache.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SafeOutputTest {

    static String through(String... writes) {
        StringWriter raw = new StringWriter();
        try (SafeOutput out = new SafeOutput(raw)) {
            for (String write : writes) {
                out.print(write);
            }
        }
        return raw.toString();
    }

    @Test
    void controlsAndBidiOverridesAreWrittenAsEscapes() {
        assertEquals("a\\u001B[31mb\\u0085c\\u202Ed\\u2068e\\u007F\tf\n", through("a\u001b[31mb\u0085c\u202Ed\u2068e\u007f\tf\n"));
        assertEquals("plain text, unchanged: é ü 中文\n", through("plain text, unchanged: é ü 中文\n"));
    }

    @Test
    void aCarriageReturnStaysOnlyAsPartOfALineEnd() {
        assertEquals("a,b\r\nc,d\r\n", through("a,b\r", "\nc,d\r\n"));
        assertEquals("spoof\\u000Dreal\\u000D", through("spoof\rreal\r"));
    }

    @Test
    void theProgressLineAloneWritesAControlSequence() {
        StringWriter raw = new StringWriter();
        SafeOutput out = new SafeOutput(raw);
        out.print("12/40");
        out.control("\r\033[K");
        out.print("13/40");
        out.flush();
        assertEquals("12/40\r\033[K13/40", raw.toString());
        assertEquals("x\\u000D\\u001B[Ky", SafeOutput.neutralise("x\r\033[Ky"));
    }
}
