package org.rapport.engine.run;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.rapport.engine.ruleset.RuleEngine;

/**
 * Compiles a run's rule-set version in the background while the run measures, so that the scoring step finds it
 * compiled: compiling takes seconds (ten on the project machine the first time after a start), and measuring
 * mostly waits for the database. Compiling is all it does; a version that fails here fails the scoring step
 * as it always did.
 */
@Stateless
public class RulesAhead {

    private static final Logger LOG = Logger.getLogger(RulesAhead.class.getName());

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @EJB
    private RuleEngine ruleEngine;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void compile(long runId) {
        try {
            Run run = entityManager.find(Run.class, runId);
            if (run != null) {
                ruleEngine.compile(run.getRuleSetVersion());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Run " + runId + ": its rules could not be compiled ahead; the scoring step"
                    + " compiles them itself", e);
        }
    }
}
