package org.rapport.reports;

import java.io.IOException;
import java.io.InputStream;

import org.rapport.engine.run.PackRenderingException;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * A JRXML template on the class path, compiled on first use and kept. Compiling costs about a second
 * (the expressions go through the Java compiler); a compiled JasperReport is immutable and can be
 * filled by several threads at once, so one per template is enough. A failed compile is not
 * remembered: the next render tries again and reports the same cause.
 */
final class CompiledTemplate {

    private final String resource;
    private volatile JasperReport compiled;

    /** @param resource absolute class-path resource, e.g. "/org/rapport/reports/board-pack.jrxml" */
    CompiledTemplate(String resource) {
        this.resource = resource;
    }

    JasperReport get() {
        JasperReport report = compiled;
        if (report == null) {
            synchronized (this) {
                report = compiled;
                if (report == null) {
                    report = compile();
                    compiled = report;
                }
            }
        }
        return report;
    }

    private JasperReport compile() {
        // the reports jar's own class loader: in WildFly the thread's context loader may be another deployment's
        InputStream jrxml = CompiledTemplate.class.getResourceAsStream(resource);
        if (jrxml == null) {
            throw new PackRenderingException("Report template " + resource + " is not on the class path", null);
        }
        try (jrxml) {
            return JasperCompileManager.compileReport(jrxml);
        } catch (JRException | IOException | RuntimeException e) {
            // the JRXML loader reports XML it cannot map (a misspelt attribute, say) as an unchecked exception
            throw new PackRenderingException("Report template " + resource + " could not be compiled: " + e.getMessage(), e);
        }
    }
}
