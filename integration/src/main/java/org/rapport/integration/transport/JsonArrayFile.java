package org.rapport.integration.transport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A landing file holding one JSON array, written record by record as they arrive, one record per
 * line: the shape {@code generic-json} reads, and a quarantined record's line number points at it.
 * Not thread-safe.
 */
final class JsonArrayFile implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LandingFile file;
    private final Charset charset;
    private Writer out;
    private long records;

    /** @param charset the source's, which its format reads the file in */
    JsonArrayFile(LandingFile file, Charset charset) {
        this.file = file;
        this.charset = charset;
    }

    void add(JsonNode record) throws IOException {
        if (out == null) {
            out = new BufferedWriter(new OutputStreamWriter(file.content(), charset));
            out.write("[\n");
        } else {
            out.write(",\n");
        }
        out.write(JSON.writeValueAsString(record));
        records++;
    }

    long records() {
        return records;
    }

    /** Closes the array and lands the file; only call it when a record was added. */
    Path land() throws IOException {
        out.write("\n]\n");
        out.flush();
        return file.land();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
