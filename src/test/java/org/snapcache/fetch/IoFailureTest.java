package org.snapcache.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class IoFailureTest {

    @Test
    void aFailedLookupSaysWhichHost() {
        assertEquals("cannot resolve host web.archive.org", IoFailure.describe(new UnknownHostException("web.archive.org")));
    }

    @Test
    void aMessageIsCutToItsFirstLineAndAMissingOneNamesTheFailure() {
        assertEquals("PKIX path building failed", IoFailure.describe(new IOException("PKIX path building failed\n  at ...")));
        assertEquals("IOException", IoFailure.describe(new IOException()));
    }
}
