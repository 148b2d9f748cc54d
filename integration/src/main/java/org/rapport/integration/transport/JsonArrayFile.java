package org.rapport.integration.transport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
    private Writer out;
    private long records;

    JsonArrayFile(LandingFile file) {
        this.file = file;
    }

    void add(JsonNode record) throws IOException {
        if (out == null) {
            out = new BufferedWriter(new OutputStreamWriter(file.content(), StandardCharsets.UTF_8));
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
