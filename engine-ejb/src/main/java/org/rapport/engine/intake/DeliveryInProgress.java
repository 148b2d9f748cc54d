package org.rapport.engine.intake;

/**
 * Fired when the intake begins storing a delivered file ({@code finished} false) and again when it is
 * done with it, whatever became of it ({@code finished} true): a monthly run must not read while a
 * delivery is half stored.
 *
 * @param source   the source's name, e.g. "file-drop/calls"
 * @param kind     what it delivers
 * @param fileName the delivered file
 * @param finished false on the way in, true on the way out
 */
public record DeliveryInProgress(String source, SourceKind kind, String fileName, boolean finished) {
}
