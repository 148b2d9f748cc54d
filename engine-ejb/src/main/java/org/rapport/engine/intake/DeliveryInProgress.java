package org.rapport.engine.intake;

/**
 * Fired when a delivered file enters a phase of its intake ({@code finished} false) and again when it leaves it,
 * whatever became of it ({@code finished} true): a monthly run must not read while a delivery waits its turn or is
 * half stored. A file enters {@link Phase#STORING} before it leaves {@link Phase#WAITING}, so it is never seen in
 * neither.
 *
 * @param source   the source's name, e.g. "file-drop/calls"
 * @param kind     what it delivers
 * @param fileName the delivered file
 * @param phase    waiting for its turn ({@link IntakeTurns}) or being stored
 * @param finished false on the way in, true on the way out
 */
public record DeliveryInProgress(String source, SourceKind kind, String fileName, Phase phase, boolean finished) {

    /** Where a delivery is in the intake. */
    public enum Phase {
        /** Waiting for a turn while other files are stored. */
        WAITING,
        /** Being read and stored. */
        STORING
    }
}
