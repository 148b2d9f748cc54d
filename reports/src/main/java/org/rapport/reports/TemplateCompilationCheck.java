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

/**
 * Compiles every .jrxml under a directory and fails if any does not compile. The build runs it on
 * the packaged templates (exec-maven-plugin, process-classes phase) so a broken template fails the
 * build even when tests are skipped, instead of failing the first monthly run in production. A
 * report designer can run it by hand on a folder of edited templates.
 *
 * <p>Usage: {@code java -cp <classpath> org.rapport.reports.TemplateCompilationCheck <directory>}
 */
public final class TemplateCompilationCheck {

    private static final String LOADER_GAVE_UP = "Unable to load report";

    private TemplateCompilationCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TemplateCompilationCheck <directory with .jrxml files>");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        List<Path> templates = templatesUnder(directory);
        List<String> problems = check(templates);
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
        List<String> problems = new ArrayList<>();
        for (Path template : templates) {
            try (InputStream jrxml = Files.newInputStream(template)) {
                JasperCompileManager.compileReport(jrxml);
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
