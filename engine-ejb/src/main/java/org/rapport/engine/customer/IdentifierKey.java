package org.rapport.engine.customer;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's secret for customer identifiers: account and telephone numbers are personal
 * data, so the store keeps only their HMAC-SHA256 under this key, never the numbers. Without the key
 * a stored hash cannot be tested against a guessed number. Immutable and thread-safe.
 */
public final class IdentifierKey {

    /** Fewer bytes than the hash's own length would weaken it. */
    public static final int MINIMUM_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public IdentifierKey(byte[] secret) {
        if (secret.length < MINIMUM_BYTES) {
            throw new IllegalArgumentException("The identifier key must have at least " + MINIMUM_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The keyed hash of an identifier, hex; the kind is part of what is hashed, so kinds never collide. */
    public String hash(IdentifierKind kind, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((kind.name() + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(kind.normal(value)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
        }
    }
}
