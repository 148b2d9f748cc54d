package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a rule set from its files into a {@link CompiledRuleSet}, or explains why it cannot.
 * Thread-safe: it keeps no state between calls.
 */
public final class RuleSetCompiler {

    /** Where the files go inside the in-memory KIE project; the package matches the default rule files. */
    private static final String PACKAGE_FOLDER = "org/rapport/rules/";
    private static final String RESOURCE_ROOT = "src/main/resources/" + PACKAGE_FOLDER;

    /** The DRL parser puts the column in the text only: "[ERR 101] Line 5:15 no viable alternative...". */
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");

    /** Follows every parser error of a file and adds nothing to it. */
    private static final String NULL_PACKAGE_ECHO = "Parser returned a null Package";

    private final int maxFirings;

    /** A compiler whose rule sets may fire at most {@value CompiledRuleSet#MAX_FIRINGS} rules per evaluation. */
    public RuleSetCompiler() {
        this(CompiledRuleSet.MAX_FIRINGS);
    }

    /** A compiler whose rule sets stop with an {@link IllegalStateException} beyond {@code maxFirings} per evaluation. */
    public RuleSetCompiler(int maxFirings) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, was " + maxFirings);
        }
        this.maxFirings = maxFirings;
    }

    public CompiledRuleSet compile(List<RuleFileSource> files) throws InvalidRuleSetException {
        KieServices services = KieServices.Factory.get();
        // A release id per compilation, so two versions never overwrite each other in the KIE repository.
        ReleaseId releaseId = services.newReleaseId("org.rapport.ruleset", "set-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem fileSystem = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        List<RuleMessage> errors = new ArrayList<>();
        Map<String, DecisionTableDrl> decisionTables = new HashMap<>();
        for (RuleFileSource file : files) {
            if (DecisionTableDrl.isDecisionTable(file.name())) {
                try {
                    decisionTables.put(file.name(), DecisionTableDrl.of(file));
                } catch (RuntimeException unreadable) {
                    // The KIE builder would throw this out of buildAll() without naming the file.
                    errors.add(new RuleMessage(file.name(), 0, 0, "Not a readable decision table: " + unreadable.getMessage()));
                    continue;
                }
            }
            fileSystem.write(RESOURCE_ROOT + file.name(), file.content());
        }
        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll(DrlProject.class);
        List<Message> compilerErrors = builder.getResults().getMessages(Message.Level.ERROR);
        compilerErrors.stream()
                .filter(message -> !isEcho(message, compilerErrors))
                .map(message -> toRuleMessage(message, decisionTables))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            throw new InvalidRuleSetException(errors);
        }
        KieContainer container = services.newKieContainer(releaseId);
        services.getRepository().removeKieModule(releaseId);
        return new CompiledRuleSet(container.getKieBase(), maxFirings);
    }

    private static boolean isEcho(Message message, List<Message> all) {
        return message.getText().contains(NULL_PACKAGE_ECHO) && all.stream()
                .anyMatch(other -> other != message && String.valueOf(other.getPath()).equals(String.valueOf(message.getPath())));
    }

    private static RuleMessage toRuleMessage(Message message, Map<String, DecisionTableDrl> decisionTables) {
        String file = fileName(message.getPath());
        int line = Math.max(message.getLine(), 0);
        DecisionTableDrl table = decisionTables.get(file);
        if (table != null) {
            // Drools reports the line of the DRL it generated; the author needs the row of the table.
            return new RuleMessage(file, table.sourceRow(line), 0,
                    message.getText() + " (generated DRL line " + line + ")");
        }
        int column = Math.max(message.getColumn(), 0);
        Matcher position = PARSER_POSITION.matcher(message.getText());
        if (column == 0 && position.find() && Integer.parseInt(position.group(1)) == line) {
            column = Integer.parseInt(position.group(2)) + 1; // the parser counts columns from 0
        }
        return new RuleMessage(file, line, column, message.getText());
    }

    private static String fileName(String path) {
        if (path == null) {
            return "(rule set)";
        }
        for (String prefix : List.of(RESOURCE_ROOT, PACKAGE_FOLDER)) {
            if (path.startsWith(prefix)) {
                return path.substring(prefix.length());
            }
        }
        return path;
    }
}
