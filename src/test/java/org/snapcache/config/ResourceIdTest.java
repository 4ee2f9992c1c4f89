package org.snapcache.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResourceIdTest {

    @Test
    void idIsTheFirstSixteenHexOfSha256OfTheUrlAsWritten() {
        assertEquals("8f738b406e4bfc32", ResourceId.forUrl("https://www.alignmentforum.org/w/mesa-optimization"));
    }

    @Test
    void urlIsNotNormalised() {
        assertFalse(ResourceId.forUrl("https://example.org/").equals(ResourceId.forUrl("https://example.org")));
    }

    @Test
    void onlyFolderSafeIdsAreValid() {
        assertTrue(ResourceId.isValid("sid_lreD7Zhsgs5147-x"));
        assertTrue(ResourceId.isValid("a".repeat(64)));
        for (String bad : new String[] {"", "a".repeat(65), "..", "a/b", "a\\b", ".hidden", "a b", "é"}) {
            assertFalse(ResourceId.isValid(bad), bad);
        }
    }
}
