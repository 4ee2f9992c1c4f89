package org.snapcache.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.snapcache.fetch.HostStoppedException;
import org.snapcache.fetch.ResourceTag;

/**
 * Asks an archive's CDX server which captures it holds of a URL. The Internet Archive's server
 * lives at {@code /cdx/search/cdx} beside the {@code /web/} replay prefix; pywb and others answer
 * at {@code <collection>/cdx}.
 */
public final class CdxClient {

    /** What to ask for. */
    public record Query(Optional<String> from, Optional<String> to, int limit, boolean onlyOk, Optional<String> closest) {}

    /** Made when the first answer is read: a mapper takes a tenth of a second to set up, before a run's first request. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final OkHttpClient client;

    public CdxClient(OkHttpClient client) {
        this.client = client;
    }

    /** The CDX endpoint of the archive whose replay prefix is {@code base}. */
    static String endpoint(String base) {
        return base.endsWith("/web/") ? base.substring(0, base.length() - "/web/".length()) + "/cdx/search/cdx" : base + "cdx";
    }

    public List<CdxCapture> captures(String base, String url, Query query) throws ArchiveException {
        HttpUrl endpoint = HttpUrl.parse(endpoint(base));
        if (endpoint == null) {
            throw new ArchiveException(ArchiveException.Kind.UNREADABLE, base, "cannot form a CDX URL from " + base);
        }
        HttpUrl.Builder ask = endpoint.newBuilder()
                .addQueryParameter("url", url)
                .addQueryParameter("output", "json")
                .addQueryParameter("fl", "timestamp,original,mimetype,statuscode,length")
                .addQueryParameter("limit", String.valueOf(query.limit()));
        query.from().ifPresent(from -> ask.addQueryParameter("from", from));
        query.to().ifPresent(to -> ask.addQueryParameter("to", to));
        if (query.onlyOk()) {
            ask.addQueryParameter("filter", "statuscode:200");
        }
        query.closest().ifPresent(closest -> ask.addQueryParameter("closest", closest).addQueryParameter("sort", "closest"));
        HttpUrl asked = ask.build();
        try (Response response = client.newCall(ResourceTag.request(url).url(asked).build()).execute()) {
            if (!response.isSuccessful()) {
                throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, asked.toString(),
                        "CDX server answered " + response.code() + " for " + url);
            }
            return parse(response.body() == null ? new byte[0] : response.body().bytes(), asked.toString());
        } catch (HostStoppedException e) {
            throw new ArchiveException(ArchiveException.Kind.HOST_STOPPED, asked.toString(), e.getMessage(), e);
        } catch (IOException e) {
            throw new ArchiveException(ArchiveException.Kind.ARCHIVE_ERROR, asked.toString(),
                    "cannot read the CDX server: " + e.getMessage(), e);
        }
    }

    /**
     * The JSON form: an array whose first row names the fields, then a row per capture; a resume
     * key, when more results exist, follows an empty row. An empty body means no captures.
     */
    static List<CdxCapture> parse(byte[] body, String from) throws ArchiveException {
        if (body.length == 0) {
            return List.of();
        }
        JsonNode rows;
        try {
            rows = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ArchiveException(ArchiveException.Kind.UNREADABLE, from, "the CDX server's answer is not JSON");
        }
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> columns = new HashMap<>();
        JsonNode header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).asText(), i);
        }
        if (!columns.containsKey("timestamp") || !columns.containsKey("original")) {
            throw new ArchiveException(ArchiveException.Kind.UNREADABLE, from, "the CDX server's answer has no timestamp column");
        }
        List<CdxCapture> captures = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            if (!row.isArray() || row.size() < header.size()) {
                continue; // the empty row and the resume key that may follow it
            }
            captures.add(new CdxCapture(field(row, columns, "timestamp"), field(row, columns, "original"),
                    field(row, columns, "mimetype"), field(row, columns, "statuscode"), field(row, columns, "length")));
        }
        return captures;
    }

    private static String field(JsonNode row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? "" : row.get(index).asText();
    }

    /** The capture nearest in time to {@code timestamp}, of those given. */
    static Optional<CdxCapture> nearest(List<CdxCapture> captures, String timestamp) {
        BigInteger target = asNumber(timestamp);
        return captures.stream()
                .filter(c -> Timestamps.isTimestamp(c.timestamp()))
                .min(Comparator.comparing(c -> asNumber(c.timestamp()).subtract(target).abs()));
    }

    /** A 1-14 digit timestamp as a number, padded to 14 digits so that short ones compare sensibly. */
    private static BigInteger asNumber(String timestamp) {
        StringBuilder padded = new StringBuilder(timestamp);
        while (padded.length() < 14) {
            padded.append('0');
        }
        return new BigInteger(padded.toString());
    }
}
