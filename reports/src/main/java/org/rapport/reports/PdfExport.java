package org.rapport.reports;

import java.io.ByteArrayOutputStream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Writes a filled pack as PDF bytes with its document metadata. The title is set here rather than as
 * a static report property because it names the month, and mail clients and archive listings show it
 * in place of the file name.
 */
final class PdfExport {

    private PdfExport() {
    }

    /** @param month "2026-10", kept in the keywords so an archive can find a pack by month */
    static byte[] toBytes(JasperPrint print, String title, String subject, String month) throws JRException {
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(title);
        configuration.setMetadataSubject(subject);
        configuration.setMetadataKeywords("board pack, " + month);
        configuration.setMetadataAuthor("Rapport");
        configuration.setMetadataCreator("Rapport");
        configuration.setDisplayMetadataTitle(Boolean.TRUE);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
        exporter.setConfiguration(configuration);
        // into memory first: the caller gets the whole document or an exception, never half a file
        exporter.exportReport();
        return pdf.toByteArray();
    }
}
