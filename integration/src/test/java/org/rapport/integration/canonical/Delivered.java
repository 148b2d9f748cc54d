package org.rapport.integration.canonical;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.integration.IntakeFormat;

/** Test files as delivered bytes, and what a format makes of them. */
final class Delivered {

    private Delivered() {
    }

    static IntakeBatch read(IntakeFormat format, String text) {
        return read(format, text.getBytes(StandardCharsets.UTF_8));
    }

    static IntakeBatch read(IntakeFormat format, byte[] bytes) {
        try {
            return format.read("delivered.csv", new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The batch's records as the type its format makes. */
    static <R extends CanonicalRecord> List<R> records(IntakeBatch batch, Class<R> type) {
        return batch.records().stream().map(type::cast).toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines joined with LF, the last one ended too. */
    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
