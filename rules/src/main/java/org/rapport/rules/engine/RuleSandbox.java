package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EnumLiteralDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QualifiedName;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.rapport.rules.engine.CodeTokens.Kind;
import org.rapport.rules.engine.CodeTokens.Token;

/**
 * The first of the two checks a rule file passes before it may run, on the parsed rules and before
 * Drools builds anything: nothing the author wrote is evaluated here. It refuses what Drools would
 * evaluate while compiling or interpret with MVEL, and what the allow-list of {@link SandboxPolicy}
 * does not name:
 * <ul>
 * <li>annotations whose values are not plain literals ({@link LiteralAnnotations}: rule metadata and
 * declared-type annotations are evaluated with MVEL at compile time), {@code @watch} aside;</li>
 * <li>any dialect but {@code java}, and attributes that are expressions (a computed salience);</li>
 * <li>imports, globals, declared types, function signatures and every name in conditions, {@code from},
 * {@code accumulate}, {@code eval} and consequences that is not an allowed type, a binding, a variable
 * or a member of an allowed type — MVEL's null-safe and property navigation included.</li>
 * </ul>
 * Unicode escapes are refused before this, unparsed ({@link ParsedRuleFile#read}). Code is read
 * token by token, so comments and strings neither hide nor fake a name. A decision table is checked
 * on the DRL Drools generates from it (generating it evaluates nothing), and reported at its cell.
 * What the Java compiler then makes of consequences, evals and functions is checked again, class file by
 * class file, by {@link GeneratedCodeCheck}. Thread-safe and stateless.
 */
public final class RuleSandbox {

    private static final String PREFIX = "Sandbox: ";

    /** Checks every rule file; problems reading or parsing a file are reported as they are, since it cannot be checked. */
    public List<RuleMessage> check(List<RuleFileSource> files) {
        List<RuleMessage> messages = new ArrayList<>();
        for (RuleFileSource file : files) {
            if (ParsedRuleFile.isScenarioFile(file.name())) {
                continue;
            }
            ParsedRuleFile.Reading reading = ParsedRuleFile.read(file);
            messages.addAll(reading.problems());
            if (reading.parsed() != null) {
                messages.addAll(check(reading.parsed()));
            }
        }
        return messages;
    }

    List<RuleMessage> check(ParsedRuleFile file) {
        return new Inspection(file).run();
    }

    /** One walk over one parsed file. */
    private static final class Inspection {

        private final ParsedRuleFile file;
        private final String drl;
        private final SourceLines lines;
        private final List<RuleMessage> messages = new ArrayList<>();
        private final Set<String> imported = new HashSet<>();
        private final Set<String> wildcardImports = new HashSet<>();
        private final Set<String> declared = new HashSet<>();

        Inspection(ParsedRuleFile file) {
            this.file = file;
            this.drl = file.drl();
            this.lines = new SourceLines(drl);
        }

        List<RuleMessage> run() {
            PackageDescr descr = file.descr();
            new LiteralAnnotations(file).check().forEach(messages::add);
            descr.getClassAndEnumDeclarationDescrs().forEach(declaration -> declared.add(declaration.getTypeName()));
            if (!SandboxPolicy.RULES_PACKAGE.equals(descr.getName())) {
                violation(find(descr.getName(), 0), "package", "rule files must declare package "
                        + SandboxPolicy.RULES_PACKAGE + ", not \"" + descr.getName() + "\"");
            }
            if (descr.getUnit() != null) {
                violation(start(descr.getUnit()), "unit", "rule units are not supported");
            }
            descr.getImports().forEach(this::checkImport);
            descr.getFunctionImports().forEach(this::checkFunctionImport);
            descr.getAccumulateImports().forEach(this::checkAccumulateImport);
            descr.getGlobals().forEach(this::checkGlobal);
            descr.getAttributes().forEach(attribute -> checkAttribute(attribute, 0));
            descr.getClassAndEnumDeclarationDescrs().forEach(this::checkDeclaration);
            descr.getWindowDeclarations().forEach(this::checkWindow);
            descr.getFunctions().forEach(this::checkFunction);
            descr.getRules().forEach(this::checkRule);
            return messages;
        }

        private void checkImport(ImportDescr importDescr) {
            String target = importDescr.getTarget();
            if (SandboxPolicy.isAllowedImport(target) && target.endsWith(".*")) {
                wildcardImports.add(target.substring(0, target.length() - 2));
            } else if (SandboxPolicy.isAllowedImport(target)) {
                imported.add(target.substring(target.lastIndexOf('.') + 1));
            } else {
                violation(find(target, start(importDescr)), lastSegment(target), "import " + target + " is not allowed: "
                        + SandboxPolicy.allowedSummary());
            }
        }

        /** {@code import function} and {@code import static}: the class the function belongs to must be allowed. */
        private void checkFunctionImport(FunctionImportDescr importDescr) {
            String target = importDescr.getTarget();
            String owner = target.substring(0, Math.max(0, target.lastIndexOf('.')));
            if (!SandboxPolicy.isAllowedType(owner)) {
                violation(find(target, start(importDescr)), lastSegment(owner), "import of function " + target
                        + " is not allowed: " + SandboxPolicy.allowedSummary());
            }
        }

        private void checkAccumulateImport(AccumulateImportDescr importDescr) {
            violation(find(importDescr.getTarget(), start(importDescr)), lastSegment(importDescr.getTarget()),
                    "import accumulate " + importDescr.getTarget() + " is not allowed: custom accumulate functions"
                            + " are Java classes outside the rule set");
        }

        private void checkGlobal(GlobalDescr global) {
            checkCode(global.getType(), find(global.getType(), start(global)), "the type of global " + global.getIdentifier());
        }

        /**
         * Attributes are names and numbers, never code: MVEL would evaluate a computed salience or enabled. Only the
         * Java dialect is allowed, since MVEL consequences are evaluated without a compiler to check them.
         */
        private void checkAttribute(AttributeDescr attribute, int searchFrom) {
            int at = find(attribute.getName(), Math.max(searchFrom, start(attribute)));
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            if (SandboxPolicy.isDeniedAttribute(attribute.getName())) {
                violation(at, attribute.getName(), "the " + attribute.getName() + " attribute is not allowed: it schedules"
                        + " rules on timer threads outside the evaluation");
            } else if ("dialect".equals(attribute.getName()) && !"java".equals(value)) {
                violation(at, attribute.getName(), "dialect \"" + value + "\" is not allowed: rules are written in the"
                        + " java dialect, which is compiled and checked before anything runs (MVEL is evaluated as it is read)");
            } else if (("salience".equals(attribute.getName()) && !value.matches("-?\\d{1,9}"))
                    || ("enabled".equals(attribute.getName()) && !value.matches("true|false"))) {
                violation(at, attribute.getName(), "the " + attribute.getName() + " attribute must be a plain "
                        + ("salience".equals(attribute.getName()) ? "whole number" : "true or false")
                        + ", not an expression: MVEL would evaluate it");
            } else if (value.contains("(") || value.contains("{")) {
                violation(at, attribute.getName(), "the " + attribute.getName() + " attribute must be a plain value, not an expression");
            }
        }

        private void checkDeclaration(AbstractClassTypeDeclarationDescr declaration) {
            int at = start(declaration);
            for (QualifiedName superType : declaration.getSuperTypes()) {
                checkCode(superType.getFullName(), find(superType.getName(), at), "the supertype of " + declaration.getTypeName());
            }
            for (TypeFieldDescr field : declaration.getFields().values()) {
                int fieldAt = Math.max(at, start(field));
                if (field.getPattern() != null) {
                    String type = field.getPattern().getObjectType();
                    checkCode(type, find(type, fieldAt), "the type of field " + field.getFieldName());
                }
                if (field.getInitExpr() != null) {
                    checkCode(field.getInitExpr(), find(field.getInitExpr(), fieldAt), "the initial value of " + field.getFieldName());
                }
            }
            if (declaration instanceof EnumDeclarationDescr enumeration) {
                for (EnumLiteralDescr literal : enumeration.getLiterals()) {
                    for (String argument : literal.getConstructorArgs()) {
                        checkCode(argument, find(argument, at), "enum literal " + literal.getName());
                    }
                }
            }
        }

        private void checkWindow(WindowDeclarationDescr window) {
            checkRegion(window, "window " + window.getName());
        }

        private void checkFunction(FunctionDescr function) {
            int at = start(function);
            checkCode(function.getReturnType(), find(function.getReturnType(), at), "the return type of function " + function.getName());
            for (String type : function.getParameterTypes()) {
                checkCode(type, find(type, at), "a parameter of function " + function.getName());
            }
            checkCode(function.getBody(), find(function.getBody(), at), "function " + function.getName(), false);
        }

        private void checkRule(RuleDescr rule) {
            int at = start(rule);
            String what = (rule.isQuery() ? "query \"" : "rule \"") + rule.getName() + "\"";
            rule.getAttributes().values().forEach(attribute -> checkAttribute(attribute, at));
            if (rule instanceof QueryDescr query) {
                for (String type : query.getParameterTypes()) {
                    checkCode(type, find(type, at), "a parameter of " + what);
                }
            }
            AndDescr conditions = rule.getLhs();
            int afterConditions = at;
            if (conditions != null && !conditions.getDescrs().isEmpty()) {
                checkRegion(conditions, "the conditions of " + what);
                afterConditions = Math.max(at, conditions.getEndCharacter());
            }
            if (rule.getConsequence() != null) {
                String consequence = rule.getConsequence().toString();
                checkCode(consequence, find(consequence, afterConditions), "the consequence of " + what, false);
            }
            for (Map.Entry<String, Object> named : rule.getNamedConsequences().entrySet()) {
                String consequence = String.valueOf(named.getValue());
                checkCode(consequence, find(consequence, afterConditions), "consequence " + named.getKey() + " of " + what, false);
            }
        }

        /** Conditions and windows are checked as the text the author wrote between their first and last character. */
        private void checkRegion(BaseDescr descr, String what) {
            int begin = descr.getStartCharacter();
            int end = descr.getEndCharacter();
            if (begin < 0 || end < begin) {
                violation(start(descr), null, "cannot locate " + what + " to check it; write it on its own lines");
                return;
            }
            checkCode(drl.substring(begin, Math.min(drl.length(), end + 1)), begin, what);
        }

        /**
         * Reads code token by token against the allow-list: every name a chain of dots starts with must be a
         * binding, a variable or property, or an allowed type; every member after a dot a member of an allowed
         * type; and no MVEL-only syntax (null-safe navigation) nor words that declare classes or locks.
         */
        private void checkCode(String code, int offset, String what) {
            checkCode(code, offset, what, true);
        }

        /**
         * As above; with {@code membersMustBeKnown} false (Java code the compiler checks and {@link GeneratedCodeCheck}
         * reads after it), a member that is no member of an allowed type is left to the compiler, and only members
         * that lead out are reported here.
         */
        private void checkCode(String code, int offset, String what, boolean membersMustBeKnown) {
            if (code == null) {
                return;
            }
            for (List<Token> tokens : CodeTokens.of(code).readings()) {
                for (int index = 0; index < tokens.size(); index++) {
                    Token token = tokens.get(index);
                    int at = offset + token.offset();
                    if (token.kind() != Kind.IDENTIFIER) {
                        checkPunctuation(tokens, index, at, what);
                        continue;
                    }
                    Kind before = index == 0 ? Kind.OTHER : tokens.get(index - 1).kind();
                    if (before == Kind.DOT || before == Kind.METHOD_REFERENCE) {
                        String reason = SandboxPolicy.deniedMemberReason(token.text());
                        if (reason != null && (membersMustBeKnown || SandboxPolicy.isDeniedMember(token.text()))) {
                            violation(at, token.text(), "." + token.text() + " is not allowed in " + what + " (" + reason + ")");
                        }
                        continue;
                    }
                    if (SandboxPolicy.isDeniedWord(token.text())) {
                        violation(at, token.text(), "\"" + token.text() + "\" is not allowed in " + what);
                        continue;
                    }
                    List<String> name = dottedName(tokens, index);
                    int consumed = checkName(name, at, token.text(), what, membersMustBeKnown);
                    // one message per name: System.exit is about System, not also about exit
                    index += 2 * ((consumed < 0 ? name.size() : consumed) - 1);
                }
            }
        }

        /** MVEL's null-safe navigation ({@code $a!.b}, {@code $a.?b}) reaches members no Java compiler checks. */
        private void checkPunctuation(List<Token> tokens, int index, int at, String what) {
            Token token = tokens.get(index);
            Token next = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
            boolean nullSafe = next != null && ("!".equals(token.text()) && next.kind() == Kind.DOT
                    || token.kind() == Kind.DOT && "?".equals(next.text()));
            if (nullSafe) {
                violation(at, null, "MVEL null-safe navigation (!. or .?) is not allowed in " + what
                        + ": rules are Java; test for null with != null");
            }
        }

        /** The identifiers joined by dots from {@code index} on: {@code java.io.File} in {@code new java.io.File(...)}. */
        private static List<String> dottedName(List<Token> tokens, int index) {
            List<String> segments = new ArrayList<>();
            segments.add(tokens.get(index).text());
            for (int next = index + 1; next + 1 < tokens.size(); next += 2) {
                if (tokens.get(next).kind() != Kind.DOT || tokens.get(next + 1).kind() != Kind.IDENTIFIER) {
                    break;
                }
                segments.add(tokens.get(next + 1).text());
            }
            return segments;
        }

        /**
         * A name at the start of a dotted chain: a type name (simple or package-qualified), or a binding, variable
         * or property. A type must be allowed: imported from the allow-list, an allowed java.lang type, or declared
         * in the rule file.
         *
         * With {@code strict} false (Java code), an unknown name is refused only where Java would find it in
         * java.lang; the compiler resolves the rest, and {@link GeneratedCodeCheck} checks what it resolved to.
         *
         * @return how many segments of the chain name the type (whose members are checked after them), 1 for a
         *         variable, or -1 when the name is not allowed (and reported)
         */
        private int checkName(List<String> segments, int at, String token, String what, boolean strict) {
            String first = segments.get(0);
            if (first.startsWith("$")) {
                return 1;
            }
            if (SandboxPolicy.startsUpperCase(first)) {
                if (imported.contains(first) || declared.contains(first) || SandboxPolicy.isAllowedType("java.lang." + first)
                        || wildcardImports.stream().anyMatch(pkg -> SandboxPolicy.isAllowedType(pkg + "." + first))) {
                    return 1;
                }
                boolean langType = SandboxPolicy.isForbiddenLangType(first);
                if (!strict && !langType) {
                    return 1; // an enum constant in a case label; any type the compiler resolves is checked in its class file
                }
                String name = langType ? "java.lang." + first : first;
                violation(at, token, name + " is not allowed in " + what + ": " + SandboxPolicy.allowedSummary());
                return -1;
            }
            int typeIndex = 1;
            while (typeIndex < segments.size() && !SandboxPolicy.startsUpperCase(segments.get(typeIndex))) {
                typeIndex++;
            }
            boolean qualified = SandboxPolicy.isPackageRoot(first) || typeIndex >= 2 && typeIndex < segments.size();
            if (!qualified) {
                return 1; // a variable and its properties, such as $kpi.value or kpi.getValue()
            }
            if (typeIndex < segments.size()) {
                String type = String.join(".", segments.subList(0, typeIndex + 1));
                if (!SandboxPolicy.isAllowedType(type)) {
                    violation(at, token, type + " is not allowed in " + what + ": " + SandboxPolicy.allowedSummary());
                    return -1;
                }
                return typeIndex + 1;
            }
            if (segments.size() > 1) {
                String path = String.join(".", segments);
                if (!SandboxPolicy.isAllowedPackagePath(path)) {
                    violation(at, token, path + " is not allowed in " + what + ": " + SandboxPolicy.allowedSummary());
                    return -1;
                }
            }
            return segments.size();
        }

        private void violation(int offset, String token, String text) {
            messages.add(file.messageAt(offset, token, PREFIX + text));
        }

        /** Where a description starts in the DRL, from its character offset or else its line and column. */
        private int start(BaseDescr descr) {
            if (descr.getStartCharacter() >= 0) {
                return descr.getStartCharacter();
            }
            return lines.offset(descr.getLine(), descr.getColumn());
        }

        /**
         * Where {@code text} starts in the DRL at or after {@code from}, counting any leading whitespace the
         * parser kept; {@code from} itself when it cannot be found.
         */
        private int find(String text, int from) {
            if (text == null || text.isBlank()) {
                return from;
            }
            String stripped = text.strip();
            int found = drl.indexOf(stripped, Math.max(0, from));
            int leadingWhitespace = text.indexOf(stripped);
            return found >= 0 ? Math.max(0, found - leadingWhitespace) : from;
        }

        private static String lastSegment(String name) {
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }
}
