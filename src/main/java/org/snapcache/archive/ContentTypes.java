package org.snapcache.archive;

import java.util.Locale;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Response;

/** The media type and charset a response declares, as a capture records them. */
final class ContentTypes {

    private ContentTypes() {}

    /** {@code type/subtype} in lower case, without parameters; empty when the response gave none. */
    static String mediaType(Response response) {
        MediaType type = response.body() == null ? null : response.body().contentType();
        return type == null ? "" : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
    }

    static Optional<String> charset(Response response) {
        MediaType type = response.body() == null ? null : response.body().contentType();
        return type == null ? Optional.empty() : Optional.ofNullable(type.parameter("charset"));
    }
}
