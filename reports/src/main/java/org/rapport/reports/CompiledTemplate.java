package org.rapport.reports;

import java.io.IOException;
import java.io.InputStream;

import org.rapport.engine.run.PackRenderingException;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * A JRXML template on the class path, compiled on first use and kept. Compiling costs up to a second
 * per template (the expressions go through the Java compiler), so when the build saved the compiled
 * form beside it ({@code board-pack.jasper} for {@code board-pack.jrxml}, see
 * {@link TemplateCompilationCheck}) that is loaded instead. A compiled JasperReport is immutable and
 * can be filled by several threads at once, so one per template is enough. A failed compile is not
 * remembered: the next render tries again and reports the same cause.
 *
 * <p>The build writes the .jasper files at process-classes, from the JRXML it packages, so the two
 * cannot drift apart in a built jar; in an IDE that skips that phase, delete stale .jasper files from
 * the output folder after editing a template.
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

    /** "x/board-pack.jasper" for "x/board-pack.jrxml". */
    static String compiledName(String jrxmlName) {
        return jrxmlName.replaceFirst("\\.jrxml$", ".jasper");
    }

    private JasperReport compile() {
        // the reports jar's own class loader: in WildFly the thread's context loader may be another deployment's
        InputStream precompiled = resource.endsWith(".jrxml")
                ? CompiledTemplate.class.getResourceAsStream(compiledName(resource)) : null;
        if (precompiled != null) {
            try (precompiled) {
                return (JasperReport) JRLoader.loadObject(precompiled);
            } catch (JRException | IOException | RuntimeException e) {
                // an unreadable compiled copy is no reason to fail: the JRXML below is the source of truth
            }
        }
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
