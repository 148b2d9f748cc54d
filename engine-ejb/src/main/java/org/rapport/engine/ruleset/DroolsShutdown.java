package org.rapport.engine.ruleset;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import org.rapport.rules.engine.DroolsThreads;

/**
 * Stops Drools' own thread pools when the application stops ({@link DroolsThreads}), so an undeployed Rapport
 * leaves no thread behind that holds its class loader. Started with the application so that its stop always
 * comes; {@link RuleEngine} depends on it, so the engine is gone before the pools are stopped.
 */
@Singleton
@Startup
public class DroolsShutdown {

    @PreDestroy
    void stopDroolsThreads() {
        DroolsThreads.stop();
    }
}
