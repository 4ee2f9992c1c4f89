package org.snapcache.fetch;

import okhttp3.Request;

/**
 * The resource a request is for, carried as the request's tag: the dead-archive count counts
 * resources, so that one broken resource and its retries cannot stop a run.
 */
public record ResourceTag(String url) {

    /** A request for {@code url}'s sake, tagged with it. */
    public static Request.Builder request(String resourceUrl) {
        return new Request.Builder().tag(ResourceTag.class, new ResourceTag(resourceUrl));
    }

    /** The resource {@code request} is for: its tag, else the request's own URL. */
    static String of(Request request) {
        ResourceTag tag = request.tag(ResourceTag.class);
        return tag == null ? request.url().toString() : tag.url();
    }
}
