package org.snapcache.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Reads response bodies with a size limit enforced while streaming, not after. */
public final class Bodies {

    private Bodies() {}

    public static byte[] read(Response response, long limit) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body.byteStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > limit) {
                    throw new BodyTooLargeException(response.request().url().toString(), limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
