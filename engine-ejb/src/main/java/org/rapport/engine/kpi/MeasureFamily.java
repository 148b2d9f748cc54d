package org.rapport.engine.kpi;

import java.util.List;

/**
 * A family of KPIs measured together because they read the same data (DESIGN.md's catalogue
 * sections). Implementations run aggregate queries in the database and never load a table into memory.
 */
public interface MeasureFamily {

    List<Measurement> measure(ReportingMonth month);
}
