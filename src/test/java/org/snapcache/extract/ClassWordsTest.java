package org.snapcache.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassWordsTest {

    final ClassWords words = new ClassWords();

    @Test
    void classNamesAreMatchedOneByOneAndLayoutNamesAreLeftOut() {
        int sidebar = words.words("post no-sidebar");
        assertTrue((ClassWords.withoutLayout(sidebar) & ClassWords.CONTENT_WORD) != 0, "\"post\" says content");
        assertEquals(0, ClassWords.withoutLayout(words.words("has-comments with-share")));
        assertTrue(ClassWords.withLayout(words.words("has-comments")) != 0, "the name itself still matches");
        assertEquals(words.words("entry-content  related-posts"),
                words.words("entry-content") | words.words("related-posts"));
        assertEquals(0, words.words(""));
    }

    @Test
    void namesSayBoilerplateNeverContentOrALead() {
        assertTrue((ClassWords.withoutLayout(words.words("site-footer")) & ClassWords.BOILERPLATE_WORD) != 0);
        assertTrue((ClassWords.withoutLayout(words.words("comments-area")) & ClassWords.NEVER) != 0);
        assertTrue((ClassWords.withoutLayout(words.words("article-lead")) & ClassWords.LEAD_WORD) != 0);
        assertEquals(0, ClassWords.withoutLayout(words.words("commentary")) & ClassWords.NEVER, "commentary is prose");
    }
}
