package org.rapport.engine.run;

import org.rapport.engine.snapshot.RunSnapshot;

/**
 * Port through which the monthly run has its board pack rendered; the reports module provides the
 * implementation as a CDI bean, so the engine knows no report template.
 */
public interface PackRenderer {

    /**
     * Renders the whole pack or fails; never returns a partial document.
     *
     * @throws PackRenderingException when any part of the pack cannot be produced
     */
    byte[] render(RunSnapshot snapshot);
}
