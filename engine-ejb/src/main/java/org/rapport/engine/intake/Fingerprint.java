package org.rapport.engine.intake;

import java.math.BigDecimal;

/**
 * A 64-bit fingerprint of a record's values, so that a record delivered again can be told unchanged
 * from changed without reading its stored columns back: FNV-1a over each value's text with a separator
 * between values, then a 64-bit finaliser (SplitMix64) to spread the bits. Two different contents share
 * a fingerprint with odds of about 2⁻⁶⁴ per re-delivered record; such a change would be taken as no
 * change. Not for security. Stateless.
 */
final class Fingerprint {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final char SEPARATOR = '\u001f';
    private static final char NULL = '\u0000';

    private Fingerprint() {
    }

    /** The fingerprint of {@code values} in order; null and empty text differ, so do (a, bc) and (ab, c). */
    static long of(Object[] values) {
        long hash = OFFSET;
        for (Object value : values) {
            String text = textOf(value);
            if (text == null) {
                hash = (hash ^ NULL) * PRIME;
            } else {
                for (int index = 0; index < text.length(); index++) {
                    hash = (hash ^ text.charAt(index)) * PRIME;
                }
            }
            hash = (hash ^ SEPARATOR) * PRIME;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return hash;
    }

    /** Amounts by value, not by scale: 12.5 and 12.50 are one amount, as the numeric column stores them. */
    private static String textOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal amount) {
            return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
