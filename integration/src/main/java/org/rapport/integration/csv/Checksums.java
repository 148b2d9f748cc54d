package org.rapport.integration.csv;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The ledger's checksum: SHA-256 of the delivered bytes. */
public final class Checksums {

    private Checksums() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
