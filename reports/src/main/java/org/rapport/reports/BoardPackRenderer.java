package org.rapport.reports;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.rapport.engine.run.PackRenderer;
import org.rapport.engine.run.PackRenderingException;
import org.rapport.engine.snapshot.RunSnapshot;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;

/**
 * Renders the monthly board pack PDF from a stored run snapshot: board-pack.jrxml lays out the page
 * frame and fills one subreport per section ({@link PackSection}: cover.jrxml, executive-summary.jrxml
 * … appendix.jrxml, all beside it), each with the content {@link PackSections} makes.
 *
 * <p>An empty month (no KPIs, triggers or source batches) still renders: each section then says in a
 * sentence that it has no data. Whether such a pack is worth publishing is the run's decision,
 * not the renderer's, and a pack that says "no data" is more honest than a missing one.
 *
 * <p>Any failure — template missing or not compiling, fill or export error, unexpected runtime
 * exception — surfaces as {@link PackRenderingException}; the PDF is built in memory and returned only
 * when complete.
 */
@ApplicationScoped
public class BoardPackRenderer implements PackRenderer {

    static final String TEMPLATE_FOLDER = "/org/rapport/reports/";

    static final String BOARD_PACK_TEMPLATE = TEMPLATE_FOLDER + "board-pack.jrxml";

    /** The installation's business time zone: the board reads times as UK local time. */
    static final ZoneId BOARD_TIME_ZONE = ZoneId.of("Europe/London");

    private final CompiledTemplate template;
    private final Map<PackSection, CompiledTemplate> sections = new EnumMap<>(PackSection.class);
    private final Clock clock;

    public BoardPackRenderer() {
        this(BOARD_PACK_TEMPLATE, Clock.system(BOARD_TIME_ZONE));
    }

    /**
     * @param templateResource class-path resource of the JRXML to fill
     * @param clock            gives the "generated" time and the zone all times are printed in
     */
    BoardPackRenderer(String templateResource, Clock clock) {
        this.template = new CompiledTemplate(templateResource);
        PackSection.inOrder().forEach(section ->
                sections.put(section, new CompiledTemplate(TEMPLATE_FOLDER + section.template())));
        this.clock = clock;
    }

    @Override
    public byte[] render(RunSnapshot snapshot) {
        if (snapshot == null) {
            throw new PackRenderingException("No run snapshot was given to render", null);
        }
        String what = "Board pack for run " + snapshot.runId() + " (" + snapshot.month() + ")";
        try {
            String monthLabel = BoardPackParameters.monthLabel(snapshot.month());
            JasperReport master = template.get();
            Map<PackSection, JasperReport> compiledSections = new EnumMap<>(PackSection.class);
            sections.forEach((section, compiled) -> compiledSections.put(section, compiled.get()));
            JasperPrint print = JasperFillManager.fillReport(master,
                    BoardPackParameters.of(snapshot, clock.instant(), clock.getZone(), compiledSections),
                    new JREmptyDataSource(1));
            return PdfExport.toBytes(print, "Rapport board pack — " + monthLabel,
                    snapshot.companyName() + " board pack, " + monthLabel, snapshot.month().toString());
        } catch (JRException | RuntimeException e) {
            // a PackRenderingException from the template is wrapped too, so the message names the run
            throw new PackRenderingException(what + " could not be rendered: " + e.getMessage(), e);
        }
    }
}
