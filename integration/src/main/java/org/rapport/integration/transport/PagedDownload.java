package org.rapport.integration.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.rapport.integration.source.Transport;

/**
 * One fetch of a paged JSON API: which page to ask for next, and the records of the pages read so far
 * written to one landing file as each page arrives. One page is held in memory at a time, never the
 * whole download. Paging follows the definition: by cursor (the next cursor is read from each
 * response; a missing, null or empty one ends the fetch), by page number (an empty page, or one
 * shorter than the page size, ends it) or not at all. Not thread-safe: one per fetch.
 */
final class PagedDownload implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** No API pages this far; an API that seems to is repeating itself. */
    private static final int MOST_PAGES = 100_000;

    private final Transport.Http http;
    private final JsonArrayFile file;
    private String cursor;
    private int page;
    private int pagesRead;
    private boolean more = true;

    /** @param charset what the landed file is written in: the source's, which its format reads */
    PagedDownload(Transport.Http http, LandingFile file, Charset charset) {
        this.http = http;
        this.file = new JsonArrayFile(file, charset);
        this.page = http.firstPage();
    }

    boolean hasNextPage() {
        return more;
    }

    /** The query string of the next request: the URL's own query and the paging parameters. */
    String nextQuery() {
        List<String> parameters = new ArrayList<>();
        if (http.url().getRawQuery() != null) {
            parameters.add(http.url().getRawQuery());
        }
        if ("cursor".equals(http.paging()) && cursor != null) {
            parameters.add(parameter(http.pageParam(), cursor));
        } else if ("page".equals(http.paging())) {
            parameters.add(parameter(http.pageParam(), Integer.toString(page)));
            if (http.pageSizeParam() != null) {
                parameters.add(parameter(http.pageSizeParam(), Integer.toString(http.pageSize())));
            }
        }
        return parameters.isEmpty() ? null : String.join("&", parameters);
    }

    /** Reads one response: writes its records, then works out whether there is a next page. */
    void append(InputStream response) throws IOException, FetchRejected {
        JsonNode body = JSON.readTree(response);
        JsonNode records = http.items() == null ? body : body == null ? null : body.at(http.items());
        if (records == null || !(records.isArray() || records.isNull())) {
            throw new FetchRejected("page " + (pagesRead + 1) + " has no array of records at "
                    + (http.items() == null ? "its top level" : http.items()) + ": check transport.items");
        }
        for (JsonNode record : records) {
            file.add(record);
        }
        pagesRead++;
        more = nextPageAfter(body, records.size());
        if (more && pagesRead >= MOST_PAGES) {
            throw new FetchRejected("more than " + MOST_PAGES + " pages: the API does not seem to stop paging");
        }
    }

    /** The records written so far. */
    long records() {
        return file.records();
    }

    /** Lands what was read as one file; null when there was nothing, so no empty file is landed. */
    Path land() throws IOException {
        return file.records() == 0 ? null : file.land();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private boolean nextPageAfter(JsonNode body, int records) throws FetchRejected {
        if ("cursor".equals(http.paging())) {
            JsonNode next = body.at(http.nextCursor());
            String nextCursor = next.isValueNode() && !next.isNull() ? next.asText() : "";
            if (!nextCursor.isEmpty() && nextCursor.equals(cursor)) {
                throw new FetchRejected("the API answered cursor '" + cursor + "' with the same cursor: paging "
                        + "would never end; check transport.nextCursor");
            }
            cursor = nextCursor;
            return !nextCursor.isEmpty();
        }
        if ("page".equals(http.paging())) {
            page++;
            return records > 0 && (http.pageSize() == null || records >= http.pageSize());
        }
        return false;
    }

    private static String parameter(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
