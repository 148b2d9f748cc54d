package org.rapport.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

/** The build gate that keeps a broken report template from reaching a monthly run. */
class TemplateCompilationCheckTest {

    @Test
    @DisplayName("every template the reports jar ships compiles")
    void shippedTemplatesCompile() throws Exception {
        List<Path> shipped = TemplateCompilationCheck.templatesUnder(
                classPathFile(BoardPackRenderer.BOARD_PACK_TEMPLATE).getParent());

        assertThat(shipped).extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrder(
                "board-pack.jrxml", "cover.jrxml", "executive-summary.jrxml", "well-and-badly.jrxml",
                "engagement-stages.jrxml", "voice-of-the-customer.jrxml", "retention.jrxml", "moments-of-truth.jrxml",
                "action-points.jrxml", "kpi-breakdowns.jrxml", "appendix.jrxml");
        assertThat(PackSection.inOrder()).extracting(PackSection::template)
                .allSatisfy(template -> assertThat(shipped).anySatisfy(path -> assertThat(path).hasFileName(template)));
        assertThat(TemplateCompilationCheck.check(shipped)).isEmpty();
    }

    @Test
    @DisplayName("asked to, it saves each compiled template beside its source, and that copy loads")
    void writesCompiledTemplates(@TempDir Path folder) throws Exception {
        Path template = Files.copy(classPathFile("/org/rapport/reports/moments-of-truth.jrxml"),
                folder.resolve("moments-of-truth.jrxml"));

        assertThat(TemplateCompilationCheck.check(List.of(template), true)).isEmpty();

        Path compiled = folder.resolve("moments-of-truth.jasper");
        assertThat(compiled).exists();
        assertThat(((JasperReport) JRLoader.loadObject(compiled.toFile())).getName()).isEqualTo("moments-of-truth");
    }

    @Test
    @DisplayName("a template referring to an undeclared parameter is reported with its file and the reason")
    void undeclaredParameter() throws Exception {
        Path broken = classPathFile("/org/rapport/reports/broken/unknown-field.jrxml");

        assertThat(TemplateCompilationCheck.check(List.of(broken))).singleElement().asString()
                .contains("unknown-field.jrxml").contains("NO_SUCH_PARAMETER");
    }

    @Test
    @DisplayName("a template in JasperReports 6 syntax is reported, not silently accepted")
    void legacySyntax() throws Exception {
        Path legacy = classPathFile("/org/rapport/reports/broken/legacy-6x.jrxml");

        assertThat(TemplateCompilationCheck.check(List.of(legacy))).singleElement().asString()
                .contains("legacy-6x.jrxml").contains("JasperReports 6");
    }

    @Test
    @DisplayName("a misspelt attribute is reported, naming the attribute")
    void misspeltAttribute() throws Exception {
        Path misspelt = classPathFile("/org/rapport/reports/broken/misspelt-attribute.jrxml");

        assertThat(TemplateCompilationCheck.check(List.of(misspelt))).singleElement().asString()
                .contains("misspelt-attribute.jrxml").contains("\"colour\"");
    }

    private static Path classPathFile(String resource) throws URISyntaxException, IOException {
        return Path.of(TemplateCompilationCheckTest.class.getResource(resource).toURI());
    }
}
