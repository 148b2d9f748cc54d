package org.rapport.web.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Holds the body of an {@link UploadLimit} endpoint to a size the server reads without harm: a body that
 * says it is larger ({@code Content-Length}) is refused with 413 before a byte of it is read, and one sent
 * without a length is cut off with 413 once it passes the limit. Runs after the caller's roles were checked,
 * so a caller without the role hears 403 whatever they send.
 */
@Provider
@UploadLimit
@Priority(Priorities.AUTHORIZATION + 100)
public class UploadLimitFilter implements ContainerRequestFilter {

    /** A sample is at most 5 MB; the definition beside it and the multipart framing get 256 KB more. */
    public static final long SAMPLE_BYTES = 5L * 1024 * 1024;
    public static final long MOST_BYTES = SAMPLE_BYTES + 256 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MOST_BYTES) {
            throw tooLarge();
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), MOST_BYTES));
    }

    /** The answer to an upload over the limit, naming it and what to do. */
    static WebApplicationException tooLarge() {
        return new WebApplicationException(Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                .type(MediaType.APPLICATION_JSON).entity(Json.createObjectBuilder().add("error", "too-large")
                        .add("message", "The sample is larger than " + SAMPLE_BYTES / (1024 * 1024) + " MB: try the"
                                + " definition on the first part of the file (its header and a few thousand lines)")
                        .build().toString()).build());
    }

    /** A stream that refuses to give more than its limit. */
    static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            if (next >= 0) {
                counted(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            if (count > 0) {
                counted(count);
            }
            return count;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long bytes) {
            read += bytes;
            if (read > limit) {
                throw tooLarge();
            }
        }
    }
}
