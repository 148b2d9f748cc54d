package org.rapport.engine.run;

import java.time.Clock;
import java.time.YearMonth;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.RunSnapshotReader;

/** Each step of a monthly run in its own transaction, so a failure later never undoes the record of it. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunService {

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @EJB
    private RuleEngine ruleEngine;

    public long start(YearMonth month) {
        Run run = steps().start(month);
        entityManager.flush();
        return run.getId();
    }

    public void measureAndEvaluate(long runId) {
        steps().measureAndEvaluate(runId);
    }

    public RunSnapshot snapshot(long runId, String companyName) {
        return new RunSnapshotReader(entityManager).read(runId, companyName);
    }

    public void publish(long runId, byte[] pdf, String sha256, String filePath) {
        steps().publish(runId, pdf, sha256, filePath);
    }

    public void fail(long runId, String reason) {
        steps().fail(runId, reason);
    }

    private RunSteps steps() {
        return new RunSteps(entityManager, ruleEngine, Clock.systemUTC());
    }
}
