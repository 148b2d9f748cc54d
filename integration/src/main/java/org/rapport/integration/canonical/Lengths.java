package org.rapport.integration.canonical;

/**
 * The longest text each kind of field may have, as the engine stores it: a longer value is
 * quarantined here rather than failing the whole file in the database.
 */
public final class Lengths {

    /** Identifiers: customer, call and response references. */
    public static final int REFERENCE = 64;
    /** Names such as segment, region, product category, touchpoint. */
    public static final int NAME = 64;
    /** Short codes such as value band and channel. */
    public static final int CODE = 32;
    /** A survey's name. */
    public static final int SURVEY = 128;
    /** A free-text comment. */
    public static final int COMMENT = 4000;

    private Lengths() {
    }
}
