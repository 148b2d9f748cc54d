package org.rapport.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
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

    /** The first name called in a compiler message, "The method setGoal(BigDecimal) is undefined", to find its column. */
    private static final Pattern CALLED_NAME = Pattern.compile("([A-Za-z_$][\\w$]*)\\(");

    /** The Java compiler on a consequence: "The method setTargett(null) is undefined for the type Kpi". */
    private static final Pattern UNDEFINED_MEMBER = Pattern.compile("The method (\\w+)\\(.*?\\) is undefined for the type (\\w+)");

    /** The Java compiler on a consequence: "valeu cannot be resolved or is not a field", "$kpl cannot be resolved". */
    private static final Pattern UNRESOLVED_NAME = Pattern.compile("([\\w$]+) cannot be resolved");

    /** Appended to a decision table's name for the DRL generated from it, e.g. {@code kpi-targets.drl.csv.generated.drl}. */
    private static final String GENERATED_DRL = ".generated.drl";

    /** Follows every parser error of a file and adds nothing to it. */
    private static final String NULL_PACKAGE_ECHO = "Parser returned a null Package";

    private final int maxFirings;
    private final int maxFiringsPerCustomer;
    private final RuleEvaluator evaluator;

    /**
     * A compiler whose rule sets may fire at most {@value CompiledRuleSet#MAX_FIRINGS} rules per KPI
     * evaluation and {@value CompiledRuleSet#MAX_FIRINGS_PER_CUSTOMER} per customer scored.
     */
    public RuleSetCompiler() {
        this(CompiledRuleSet.MAX_FIRINGS);
    }

    /** A compiler whose rule sets stop with a {@link RuleEvaluationException} beyond {@code maxFirings} per KPI evaluation. */
    public RuleSetCompiler(int maxFirings) {
        this(maxFirings, CompiledRuleSet.MAX_FIRINGS_PER_CUSTOMER);
    }

    /**
     * A compiler whose rule sets stop with a {@link RuleEvaluationException} beyond {@code maxFirings} per KPI
     * evaluation, or beyond {@code maxFiringsPerCustomer} per customer of a scoring batch.
     */
    public RuleSetCompiler(int maxFirings, int maxFiringsPerCustomer) {
        this(maxFirings, maxFiringsPerCustomer, RuleEvaluator.shared());
    }

    /**
     * As {@link #RuleSetCompiler(int, int)}, with rule sets that evaluate within {@code budget} (on threads of their
     * own) rather than the configured one ({@link RuleBudget#configured()}).
     */
    public RuleSetCompiler(int maxFirings, int maxFiringsPerCustomer, RuleBudget budget) {
        this(maxFirings, maxFiringsPerCustomer, new RuleEvaluator(budget));
    }

    private RuleSetCompiler(int maxFirings, int maxFiringsPerCustomer, RuleEvaluator evaluator) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, was " + maxFirings);
        }
        if (maxFiringsPerCustomer < 1) {
            throw new IllegalArgumentException("maxFiringsPerCustomer must be at least 1, was " + maxFiringsPerCustomer);
        }
        this.maxFirings = maxFirings;
        this.maxFiringsPerCustomer = maxFiringsPerCustomer;
        this.evaluator = evaluator;
    }

    /** Where the rule sets of this compiler are evaluated, within their budget. */
    RuleEvaluator evaluator() {
        return evaluator;
    }

    /**
     * Reads, checks and compiles the rule files: each must be a readable DRL file or decision table
     * that parses, passes the {@link RuleSandbox}, reads only fields its facts have ({@link FactFieldCheck}) and
     * declares no rule name another file declares;
     * only then is anything compiled. Scenario files ({@code *.scenario.json}) are skipped: see
     * {@link ScenarioRunner}.
     *
     * @throws InvalidRuleSetException with every problem found, each at its file and place
     */
    public CompiledRuleSet compile(List<RuleFileSource> files) throws InvalidRuleSetException {
        List<RuleMessage> errors = new ArrayList<>();
        List<ParsedRuleFile> parsed = new ArrayList<>();
        List<ParsedRuleFile> sandboxed = new ArrayList<>();
        RuleSandbox sandbox = new RuleSandbox();
        for (RuleFileSource file : files) {
            if (ParsedRuleFile.isScenarioFile(file.name())) {
                continue;
            }
            ParsedRuleFile.Reading reading = ParsedRuleFile.read(file);
            errors.addAll(reading.problems());
            if (reading.parsed() != null) {
                parsed.add(reading.parsed());
                List<RuleMessage> breaches = sandbox.check(reading.parsed());
                errors.addAll(breaches);
                if (breaches.isEmpty()) {
                    sandboxed.add(reading.parsed());
                }
            }
        }
        // functions and globals belong to the package: a condition may call one declared in another file
        java.util.Set<String> callable = new java.util.HashSet<>();
        parsed.forEach(file -> {
            file.descr().getFunctions().forEach(function -> callable.add(function.getName()));
            file.descr().getGlobals().forEach(global -> callable.add(global.getIdentifier()));
        });
        // said in the author's words at the name, rather than by Drools on the rule's first line
        sandboxed.forEach(file -> errors.addAll(FactFieldCheck.check(file, callable)));
        errors.addAll(RuleNames.duplicates(parsed));
        if (!errors.isEmpty()) {
            // Nothing that failed a check is ever handed to the compiler.
            throw new InvalidRuleSetException(errors);
        }
        return build(parsed);
    }

    private CompiledRuleSet build(List<ParsedRuleFile> files) throws InvalidRuleSetException {
        KieServices services = KieServices.Factory.get();
        // A release id per compilation, so two versions never overwrite each other in the KIE repository.
        ReleaseId releaseId = services.newReleaseId("org.rapport.ruleset", "set-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem fileSystem = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, ParsedRuleFile> byName = new HashMap<>();
        for (ParsedRuleFile file : files) {
            // The DRL that was checked is the DRL that is compiled; a decision table's generated DRL included.
            String path = file.table() == null ? file.name() : file.name() + GENERATED_DRL;
            fileSystem.write(RESOURCE_ROOT + path, file.drl().getBytes(StandardCharsets.UTF_8));
            byName.put(file.name(), file);
        }
        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll(DrlProject.class);
        List<Message> compilerErrors = builder.getResults().getMessages(Message.Level.ERROR);
        List<RuleMessage> errors = compilerErrors.stream()
                .filter(message -> !isEcho(message, compilerErrors))
                .map(message -> toRuleMessage(message, byName))
                .toList();
        if (!errors.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            throw new InvalidRuleSetException(errors);
        }
        // What the compiler made of the rules is checked before any class of it is loaded.
        List<RuleMessage> breaches = new GeneratedCodeCheck(files).check(generatedClasses((InternalKieModule) builder.getKieModule()));
        if (!breaches.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            throw new InvalidRuleSetException(breaches);
        }
        KieContainer container = services.newKieContainer(releaseId);
        services.getRepository().removeKieModule(releaseId);
        return new CompiledRuleSet(container.getKieBase(), maxFirings, maxFiringsPerCustomer, evaluator);
    }

    /** The class files the Java dialect compiled from the rule set, by internal name, none of them loaded. */
    private static Map<String, byte[]> generatedClasses(InternalKieModule module) {
        Map<String, byte[]> classes = new TreeMap<>();
        for (String kieBase : module.getKieModuleModel().getKieBaseModels().keySet()) {
            for (KiePackage kiePackage : module.getKnowledgePackagesForKieBase(kieBase)) {
                if (kiePackage instanceof InternalKnowledgePackage internal
                        && internal.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData java) {
                    classes.putAll(java.getStore());
                }
            }
        }
        return classes;
    }

    private static boolean isEcho(Message message, List<Message> all) {
        return message.getText().contains(NULL_PACKAGE_ECHO) && all.stream()
                .anyMatch(other -> other != message && String.valueOf(other.getPath()).equals(String.valueOf(message.getPath())));
    }

    private static RuleMessage toRuleMessage(Message message, Map<String, ParsedRuleFile> files) {
        String file = fileName(message.getPath());
        int line = Math.max(message.getLine(), 0);
        int column = Math.max(message.getColumn(), 0);
        Matcher position = PARSER_POSITION.matcher(message.getText());
        if (column == 0 && position.find() && Integer.parseInt(position.group(1)) == line) {
            column = Integer.parseInt(position.group(2)) + 1; // the parser counts columns from 0
        }
        ParsedRuleFile parsed = files.get(file);
        if (parsed != null && parsed.table() != null) {
            // Drools reports the line of the DRL it generated; the author needs the row of the table.
            Matcher called = CALLED_NAME.matcher(message.getText());
            String token = called.find() ? called.group(1) : null;
            return parsed.messageAtLine(line, 0, token, true, message.getText() + " (generated DRL line " + line + ")");
        }
        if (parsed != null && column == 0) {
            RuleMessage placed = inConsequence(parsed, line, message.getText());
            if (placed != null) {
                return placed;
            }
        }
        return new RuleMessage(file, line, column, message.getText());
    }

    /**
     * Drools reports a Java error in a consequence ("The method setTargett(null) is undefined for the type Kpi") on the
     * rule's first line: placed at the name in the consequence instead, with the nearest member of a fact type.
     */
    private static RuleMessage inConsequence(ParsedRuleFile parsed, int line, String text) {
        Matcher undefined = UNDEFINED_MEMBER.matcher(text);
        Matcher unresolved = UNRESOLVED_NAME.matcher(text);
        String name = undefined.find() ? undefined.group(1) : unresolved.find() ? unresolved.group(1) : null;
        if (name == null) {
            return null;
        }
        for (org.drools.drl.ast.descr.RuleDescr rule : parsed.descr().getRules()) {
            if (rule.getLine() != line || rule.getConsequence() == null) {
                continue;
            }
            String consequence = rule.getConsequence().toString();
            int from = Math.max(0, rule.getStartCharacter());
            int start = parsed.drl().indexOf(consequence.strip(), Math.max(0, from));
            Matcher word = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])").matcher(parsed.drl());
            if (start >= 0 && word.find(start)) {
                String hint = undefined.reset().find() ? nearestMember(undefined.group(2), name) : "";
                return parsed.messageAt(word.start(), name, firstLine(text) + hint + " (in the consequence of rule \""
                        + rule.getName() + "\")");
            }
        }
        return null;
    }

    private static String nearestMember(String type, String name) {
        try {
            Class<?> fact = Class.forName(SandboxPolicy.FACTS_PACKAGE + "." + type, false, RuleSetCompiler.class.getClassLoader());
            List<String> methods = java.util.Arrays.stream(fact.getMethods()).map(java.lang.reflect.Method::getName)
                    .distinct().toList();
            return KpiVocabulary.closest(name, methods).map(near -> ": did you mean " + near + "?").orElse("");
        } catch (ClassNotFoundException notAFact) {
            return "";
        }
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }

    /** The rule-set file name of a path inside the in-memory KIE project. */
    static String fileName(String path) {
        if (path == null) {
            return "(rule set)";
        }
        String name = path;
        for (String prefix : List.of(RESOURCE_ROOT, PACKAGE_FOLDER)) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
                break;
            }
        }
        return name.endsWith(GENERATED_DRL) ? name.substring(0, name.length() - GENERATED_DRL.length()) : name;
    }
}
