package org.rapport.integration.filedrop;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.rapport.engine.intake.BatchEntry;
import org.rapport.engine.intake.Delivery;
import org.rapport.engine.intake.Intake;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.IntakeReceipt;

/** An intake that hands every call on, for a test to look at some of them on the way. */
class ForwardingIntake implements Intake {

    private final Intake real;

    ForwardingIntake(Intake real) {
        this.real = real;
    }

    @Override
    public IntakeReceipt store(IntakeBatch batch) {
        return real.store(batch);
    }

    @Override
    public IntakeReceipt store(Delivery delivery) {
        return real.store(delivery);
    }

    @Override
    public IntakeReceipt replay(long batchId, Delivery delivery) {
        return real.replay(batchId, delivery);
    }

    @Override
    public List<IntakeReceipt> finishHalfStored(Duration untouchedFor) {
        return real.finishHalfStored(untouchedFor);
    }

    @Override
    public IntakeReceipt discard(long batchId) {
        return real.discard(batchId);
    }

    @Override
    public Optional<BatchEntry> find(long batchId) {
        return real.find(batchId);
    }
}
