package org.snapcache.fetch;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The last link of the chain: sends the try as a call of its own on the inner client, whose
 * whole-call timeout then bounds this one exchange, and reads the body within the limit. Reading
 * here, inside the chain, makes a connection dropped halfway through a body a failure the retry
 * and the dead-host count see, like any other.
 */
final class ExchangeInterceptor implements Interceptor {

    private final OkHttpClient exchange;
    private final long maxBodyBytes;

    ExchangeInterceptor(OkHttpClient exchange, long maxBodyBytes) {
        this.exchange = exchange;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = exchange.newCall(chain.request()).execute();
        try (response) {
            ResponseBody body = response.body();
            byte[] bytes;
            try {
                bytes = Bodies.read(response, maxBodyBytes);
            } catch (BodyTooLargeException e) {
                throw e;
            } catch (IOException e) {
                throw new BodyCutShortException(response.code(), e);
            }
            return response.newBuilder()
                    .body(ResponseBody.create(bytes, body == null ? null : body.contentType()))
                    .build();
        }
    }
}
