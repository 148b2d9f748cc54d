package org.rapport.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The two parts of a definition tried on a sample: {@code definition} (the source's JSON, as {@code PUT
 * /api/sources/{name}} takes it) and {@code sample} (the file, as the source delivers it). The sample must
 * be text of a kind a source delivers and at most 5 MB; anything else is refused with a message saying so,
 * before it is read further.
 *
 * @param definition the definition's JSON text
 * @param fileName   the sample's name, reduced to a plain file name (formats see it as the delivered file's)
 * @param sample     the sample's bytes
 */
public record SampleUpload(String definition, String fileName, byte[] sample) {

    static final String DEFINITION_PART = "definition";
    static final String SAMPLE_PART = "sample";
    private static final int MOST_DEFINITION_BYTES = 256 * 1024;
    /**
     * What a source's file is sent as: text of any kind, JSON, CSV under its several names (Windows browsers
     * say Excel for .csv), and octet-stream for files without a known extension (an Asterisk queue_log).
     * Whether the bytes are text is then the format's to say, as for a delivered file.
     */
    private static final Set<String> SAMPLE_TYPES = Set.of("application/json", "application/csv", "application/x-csv",
            "application/vnd.ms-excel", "application/octet-stream");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,127}");

    /** Reads and checks the parts; refuses with 400, 413 or 415 and a message. */
    static SampleUpload of(List<EntityPart> parts) throws IOException {
        if (parts == null || parts.isEmpty()) {
            throw refused(Response.Status.BAD_REQUEST, "Send multipart/form-data with the parts '" + DEFINITION_PART
                    + "' (the source's JSON definition) and '" + SAMPLE_PART + "' (a sample file)");
        }
        EntityPart definitionPart = part(parts, DEFINITION_PART);
        EntityPart samplePart = part(parts, SAMPLE_PART);
        byte[] definition = bounded(definitionPart.getContent(), MOST_DEFINITION_BYTES);
        if (definition.length > MOST_DEFINITION_BYTES) {
            throw refused(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The definition is larger than 256 KB");
        }
        MediaType type = samplePart.getMediaType();
        if (!isSampleType(type)) {
            throw refused(Response.Status.UNSUPPORTED_MEDIA_TYPE, "The sample must be a file as the source delivers it"
                    + " (CSV, JSON or another text file), not " + (type == null ? "a part without a type" : type.getType()
                            + "/" + type.getSubtype()));
        }
        byte[] sample = bounded(samplePart.getContent(), UploadLimitFilter.SAMPLE_BYTES);
        if (sample.length > UploadLimitFilter.SAMPLE_BYTES) {
            throw UploadLimitFilter.tooLarge();
        }
        if (sample.length == 0) {
            throw refused(Response.Status.BAD_REQUEST, "The sample file is empty");
        }
        return new SampleUpload(new String(definition, StandardCharsets.UTF_8), plainName(samplePart.getFileName()),
                sample);
    }

    static boolean isSampleType(MediaType type) {
        if (type == null) {
            return true; // a part without a type is text/plain (RFC 7578)
        }
        String essence = type.getType().toLowerCase(Locale.ROOT) + "/" + type.getSubtype().toLowerCase(Locale.ROOT);
        return type.getType().equalsIgnoreCase("text") || SAMPLE_TYPES.contains(essence);
    }

    /**
     * The sample's name as a format may see it: the last segment of what the browser sent, if it is a plain
     * name; otherwise {@code sample}. A format can look for a companion file by the delivered file's name, so
     * a name is never a way into a folder.
     */
    static String plainName(Optional<String> sent) {
        String name = sent.map(String::strip).orElse("");
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String last = name.substring(slash + 1);
        return PLAIN_NAME.matcher(last).matches() && !last.contains("..") ? last : "sample";
    }

    private static EntityPart part(List<EntityPart> parts, String name) {
        return parts.stream().filter(part -> name.equals(part.getName())).findFirst().orElseThrow(() -> refused(
                Response.Status.BAD_REQUEST, "The part '" + name + "' is missing: send '" + DEFINITION_PART
                        + "' (the source's JSON definition) and '" + SAMPLE_PART + "' (a sample file)"));
    }

    /** At most {@code limit + 1} bytes: one more than allowed says the part is too large. */
    private static byte[] bounded(InputStream content, long limit) throws IOException {
        try (content) {
            return content.readNBytes((int) limit + 1);
        }
    }

    private static WebApplicationException refused(Response.Status status, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", status.getReasonPhrase()).add("message", message)
                        .build().toString()).build());
    }
}
