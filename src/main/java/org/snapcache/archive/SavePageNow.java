package org.snapcache.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.snapcache.config.SaveSettings;
import org.snapcache.fetch.HostStoppedException;
import org.snapcache.fetch.IoFailure;
import org.snapcache.fetch.ResourceTag;

/**
 * The Wayback Machine's Save Page Now (SPN2): {@code POST <origin>/save} with the form field
 * {@code url} starts a capture job, {@code GET <origin>/save/status/<job>} tells how it goes. The
 * archive's keys go in the {@code Authorization} header and nowhere else: no message of this
 * class holds them.
 */
public final class SavePageNow {

    /** How a save stands. */
    public enum State {
        /** the archive is capturing it: ask again later */
        PENDING,
        /** captured, at {@code timestamp} */
        SUCCESS,
        /** the archive cannot capture it; {@code reason} says why */
        FAILED,
        /** the archive asks to wait before the next save (too many at once): ask again later */
        WAIT
    }

    /**
     * @param job the save's job id, for {@code PENDING} and {@code SUCCESS}
     * @param timestamp the capture's 14-digit timestamp, for {@code SUCCESS}
     * @param reason the archive's own words, for {@code FAILED} and {@code WAIT}: its {@code
     *     status_ext} and message
     */
    public record Answer(State state, String job, String timestamp, String reason) {

        public Answer {
            Objects.requireNonNull(state, "state");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient client;
    private final String endpoint;
    private final SaveSettings.Keys keys;

    /** @param endpoint the save API, such as {@code https://web.archive.org/save} */
    public SavePageNow(OkHttpClient client, String endpoint, SaveSettings.Keys keys) {
        this.client = client;
        this.endpoint = endpoint;
        this.keys = keys;
    }

    /** Asks the archive to capture {@code url} now. */
    public Answer request(String url) throws ArchiveException {
        Request request = ResourceTag.request(url).url(endpoint)
                .post(new FormBody.Builder().add("url", url).build()).build();
        JsonNode answer = call(request, url);
        if (answer.path("job_id").isTextual() && !answer.path("job_id").asText().isBlank()) {
            return new Answer(State.PENDING, answer.path("job_id").asText(), null, null);
        }
        return failure(answer, "no job_id in the archive's answer");
    }

    /** How the save {@code job} of {@code url} stands. */
    public Answer status(String job, String url) throws ArchiveException {
        JsonNode answer = call(ResourceTag.request(url).url(endpoint + "/status/" + job).build(), url);
        return switch (answer.path("status").asText()) {
            case "pending" -> new Answer(State.PENDING, job, null, null);
            case "success" -> answer.path("timestamp").asText().matches("\\d{14}")
                    ? new Answer(State.SUCCESS, job, answer.path("timestamp").asText(), null)
                    : new Answer(State.FAILED, job, null, "the archive reported success without a capture timestamp");
            default -> failure(answer, "the archive answered status \"" + answer.path("status").asText() + "\"");
        };
    }

    /** An error object: {@code status_ext} (such as {@code error:not-found}) and message; a session limit means wait. */
    private static Answer failure(JsonNode answer, String otherwise) {
        String ext = answer.path("status_ext").asText("");
        String message = answer.path("message").asText("").strip();
        String reason = (ext + " " + message).strip();
        State state = ext.equals("error:user-session-limit") || ext.equals("error:too-many-requests") ? State.WAIT : State.FAILED;
        return new Answer(state, null, null, reason.isEmpty() ? otherwise : oneLine(reason));
    }

    private JsonNode call(Request unsigned, String url) throws ArchiveException {
        Request request = unsigned.newBuilder().header("Accept", "application/json").header("Authorization", keys.authorization()).build();
        // messages name the API's address, never the request, whose headers hold the keys
        String where = endpoint;
        try (Response response = client.newCall(request).execute()) {
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            if (response.code() == 401 || response.code() == 403) {
                throw new ArchiveException(ArchiveException.Kind.BLOCKED, where, "the archive refused the keys in "
                        + SaveSettings.ACCESS_KEY + " and " + SaveSettings.SECRET_KEY + " (HTTP " + response.code() + ")");
            }
            JsonNode answer;
            try {
                answer = JSON.readTree(body);
            } catch (IOException e) {
                answer = null;
            }
            if (answer == null || !answer.isObject()) {
                throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, where, "Save Page Now answered HTTP " + response.code()
                        + " without a JSON object, for " + url);
            }
            return answer;
        } catch (HostStoppedException e) {
            throw new ArchiveException(ArchiveException.Kind.HOST_STOPPED, where, e.getMessage(), e);
        } catch (IOException e) {
            throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, where, "cannot reach Save Page Now: " + IoFailure.describe(e), e);
        }
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
