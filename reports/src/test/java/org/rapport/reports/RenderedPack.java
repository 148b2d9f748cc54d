package org.rapport.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** A rendered pack opened with PDFBox: what a reader sees (text), and how the file is made (fonts, metadata). */
final class RenderedPack {

    final String text;
    final String title;
    final String subject;
    final String keywords;
    final int pages;
    final List<String> pageSizes;
    final List<PDFont> fonts;

    private RenderedPack(String text, PDDocumentInformation information, int pages, List<String> pageSizes,
            List<PDFont> fonts) {
        this.text = text;
        this.title = information.getTitle();
        this.subject = information.getSubject();
        this.keywords = information.getKeywords();
        this.pages = pages;
        this.pageSizes = pageSizes;
        this.fonts = fonts;
    }

    static RenderedPack of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // drawing order, not page position: each table cell's text then stays together even when it wraps
            stripper.setSortByPosition(false);
            List<PDFont> fonts = new ArrayList<>();
            List<String> sizes = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts, new HashSet<>());
                sizes.add(Math.round(page.getMediaBox().getWidth()) + "x" + Math.round(page.getMediaBox().getHeight()));
            }
            return new RenderedPack(readable(stripper.getText(document)), document.getDocumentInformation(),
                    document.getNumberOfPages(), sizes, fonts);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a readable PDF", e);
        }
    }

    /**
     * Text as a reader takes it in: line breaks the layout introduced are spaces, and a word broken
     * after its hyphen ("self-" / "service", "calls-2026-" / "10.csv") is whole again.
     */
    static String readable(String text) {
        return text.replaceAll("(?<=[\\p{L}\\p{N}]-)\\s*\\R\\s*(?=[\\p{L}\\p{N}])", "").replaceAll("\\s+", " ").strip();
    }

    // charts and other vector art may sit in form XObjects with their own font resources
    private static void collectFonts(PDResources resources, List<PDFont> fonts, Set<COSName> seenForms)
            throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xObject = resources.getXObject(name);
            if (xObject instanceof PDFormXObject form && seenForms.add(name)) {
                collectFonts(form.getResources(), fonts, seenForms);
            }
        }
    }
}
