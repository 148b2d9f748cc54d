package org.rapport.engine.intake;

import jakarta.ejb.Local;

/**
 * Where every source delivers its files once a format adapter has read them. Each call is one
 * transaction: a file is stored whole or not at all.
 */
@Local
public interface Intake {

    /**
     * Stores a delivered file: its records, its quarantined rows and its ledger entry. Content that
     * was delivered before (same kind, same SHA-256) is recorded as a duplicate and not counted again.
     */
    IntakeReceipt store(IntakeBatch batch);
}
