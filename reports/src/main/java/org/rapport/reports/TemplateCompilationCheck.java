package org.rapport.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRSaver;

/**
 * Compiles every .jrxml under a directory and fails if any does not compile. The build runs it on
 * the packaged templates (exec-maven-plugin, process-classes phase) so a broken template fails the
 * build even when tests are skipped, instead of failing the first monthly run in production. A
 * report designer can run it by hand on a folder of edited templates.
 *
 * <p>With {@code --write-jasper} each compiled template is also saved beside its source as a
 * {@code .jasper} file, which {@link CompiledTemplate} loads instead of compiling the JRXML again: the
 * build does this for the packaged templates, so the first pack after a server start does not spend
 * seconds compiling ten templates.
 *
 * <p>Usage: {@code java -cp <classpath> org.rapport.reports.TemplateCompilationCheck <directory> [--write-jasper]}
 */
public final class TemplateCompilationCheck {

    private static final String LOADER_GAVE_UP = "Unable to load report";

    static final String WRITE_JASPER = "--write-jasper";

    private TemplateCompilationCheck() {
    }

    public static void main(String[] args) throws IOException {
        boolean writeJasper = args.length == 2 && WRITE_JASPER.equals(args[1]);
        if (args.length != 1 && !writeJasper) {
            System.err.println("usage: TemplateCompilationCheck <directory with .jrxml files> [" + WRITE_JASPER + "]");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        List<Path> templates = templatesUnder(directory);
        List<String> problems = check(templates, writeJasper);
        if (templates.isEmpty()) {
            System.err.println("No .jrxml templates under " + directory);
            System.exit(1);
        }
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.exit(1);
        }
        System.out.println("Compiled " + templates.size() + " report template(s) under " + directory);
    }

    static List<Path> templatesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jrxml")).sorted().toList();
        }
    }

    /** One line per template that does not compile: its path and the compiler's reason. */
    static List<String> check(List<Path> templates) throws IOException {
        return check(templates, false);
    }

    /** As {@link #check(List)}, saving each compiled template as a .jasper file beside it when asked. */
    static List<String> check(List<Path> templates, boolean writeJasper) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates) {
            try (InputStream jrxml = Files.newInputStream(template)) {
                JasperReport report = JasperCompileManager.compileReport(jrxml);
                if (writeJasper) {
                    JRSaver.saveObject(report, CompiledTemplate.compiledName(template.toString()));
                }
            } catch (JRException | RuntimeException e) {
                problems.add(template + ": " + describe(e));
            }
        }
        return problems;
    }

    // the loader wraps the useful sentence (XML position, unknown element) a level or two down
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        if (LOADER_GAVE_UP.equals(error.getMessage())) {
            // JasperReports 7 says no more than this when no loader recognises the file at all
            text.append(" (is it JasperReports 6 JRXML? Version 7 expects <element kind=\"...\"> and no XML namespace)");
        }
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(" <- ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
