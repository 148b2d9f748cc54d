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
    final int pages;
    final List<PDFont> fonts;

    private RenderedPack(String text, String title, int pages, List<PDFont> fonts) {
        this.text = text;
        this.title = title;
        this.pages = pages;
        this.fonts = fonts;
    }

    static RenderedPack of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // drawing order, not page position: each table cell's text then stays together even when it wraps
            stripper.setSortByPosition(false);
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collectFonts(page.getResources(), fonts, new HashSet<>());
            }
            return new RenderedPack(readable(stripper.getText(document)), document.getDocumentInformation().getTitle(),
                    document.getNumberOfPages(), fonts);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a readable PDF", e);
        }
    }

    /**
     * Text as a reader takes it in: line breaks the layout introduced are spaces, and a word broken
     * after its hyphen ("self-" / "service") is whole again.
     */
    static String readable(String text) {
        return text.replaceAll("(?<=\\p{L}-)\\s*\\R\\s*(?=\\p{L})", "").replaceAll("\\s+", " ").strip();
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
