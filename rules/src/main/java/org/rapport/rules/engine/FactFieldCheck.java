package org.rapport.rules.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.rapport.rules.engine.CodeTokens.Kind;
import org.rapport.rules.engine.CodeTokens.Token;

/**
 * Names in a condition that are no field of the fact it matches ({@code Kpi( valeu > 3 )}), reported at the
 * name itself and in the author's words ("Kpi has no field valeu: did you mean value?"), before Drools would
 * report it on the rule's first line as "unable to resolve method using strict-mode". Only names Drools would
 * refuse are reported: bindings, functions, globals, types, constants and the operators of the rule language are
 * left alone. Thread-safe and stateless.
 */
final class FactFieldCheck {

    /** Words of the rule language that may stand where a field does. */
    private static final Set<String> LANGUAGE = Set.of("null", "true", "false", "this", "in", "not", "matches",
            "memberOf", "contains", "excludes", "soundslike", "str", "instanceof", "new", "after", "before", "coincides",
            "during", "finishes", "finishedby", "includes", "metby", "overlaps", "overlappedby", "starts", "startedby",
            "eval", "from", "collect", "accumulate", "super", "int", "long", "double", "float", "short", "byte", "char",
            "boolean", "length");

    private static final Map<String, Members> MEMBERS = new ConcurrentHashMap<>();

    private FactFieldCheck() {
    }

    /** {@code callable}: the functions and globals of the whole rule set, which conditions may name. */
    static List<RuleMessage> check(ParsedRuleFile file, Set<String> callable) {
        List<RuleMessage> messages = new ArrayList<>();
        for (FactPatterns.Pattern pattern : FactPatterns.of(file)) {
            Members members = MEMBERS.computeIfAbsent(pattern.type(), FactFieldCheck::membersOf);
            if (members == null) {
                continue;
            }
            List<Token> tokens = pattern.constraints();
            for (int index = 0; index < tokens.size(); index++) {
                Token token = tokens.get(index);
                if (!isFieldName(tokens, index, pattern.ruleBindings(), callable)) {
                    continue;
                }
                boolean call = index + 1 < tokens.size() && tokens.get(index + 1).text().equals("(");
                if (call ? members.methods().contains(token.text()) : members.knows(token.text())) {
                    continue;
                }
                // a decision table's code row is repeated in every rule of the table: reported once, at its cell
                String rule = file.table() == null ? " (in rule \"" + pattern.rule().getName() + "\")" : "";
                RuleMessage message = file.messageAt(token.offset(), token.text(),
                        message(pattern, members, token.text(), call) + rule);
                if (!messages.contains(message)) {
                    messages.add(message);
                }
            }
        }
        return messages;
    }

    private static String message(FactPatterns.Pattern pattern, Members members, String name, boolean call) {
        if (call) {
            return pattern.type() + " has no method " + name + "(…)" + KpiVocabulary.closest(name, members.methods())
                    .map(near -> ": did you mean " + near + "?").orElse("");
        }
        return pattern.type() + " has no field \"" + name + "\"" + KpiVocabulary.closest(name, members.fields())
                .map(near -> ": did you mean \"" + near + "\"?").orElse(".") + " A " + pattern.type() + "'s fields are "
                + String.join(", ", members.fields());
    }

    /** Whether the identifier at {@code index} stands where a condition reads a field of the pattern's fact. */
    private static boolean isFieldName(List<Token> tokens, int index, Set<String> bindings, Set<String> callable) {
        Token token = tokens.get(index);
        if (token.kind() != Kind.IDENTIFIER || token.text().startsWith("$") || SandboxPolicy.startsUpperCase(token.text())
                || LANGUAGE.contains(token.text()) || bindings.contains(token.text()) || callable.contains(token.text())) {
            return false;
        }
        Token before = index > 0 ? tokens.get(index - 1) : null;
        if (before != null && (before.kind() == Kind.DOT || before.kind() == Kind.METHOD_REFERENCE
                || before.text().equals("[") || before.text().equals("#"))) {
            return false; // a member of something else, an operator's parameter (str[startsWith]) or a cast
        }
        Token after = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        return after == null || !after.text().equals(":");
    }

    /** What a condition may read of a fact type: bean properties, public fields and methods. */
    private static Members membersOf(String simpleName) {
        Class<?> type;
        try {
            type = Class.forName(SandboxPolicy.FACTS_PACKAGE + "." + simpleName, false, FactFieldCheck.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            return null;
        }
        Set<String> fields = new TreeSet<>();
        Set<String> methods = new TreeSet<>();
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
                continue;
            }
            methods.add(method.getName());
            String property = property(method);
            if (property != null) {
                fields.add(property);
            } else if (type.isRecord() && method.getParameterCount() == 0) {
                fields.add(method.getName());
            }
        }
        for (Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                fields.add(field.getName());
            }
        }
        return new Members(Set.copyOf(fields), Set.copyOf(methods));
    }

    private static String property(Method method) {
        String name = method.getName();
        int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
        if (prefix == 0 || method.getParameterCount() != 0 || name.length() == prefix
                || !Character.isUpperCase(name.charAt(prefix))) {
            return null;
        }
        return Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
    }

    /** A fact type's readable fields (sorted) and its methods. */
    private record Members(Set<String> fieldSet, Set<String> methods) {

        List<String> fields() {
            return fieldSet.stream().sorted().toList();
        }

        boolean knows(String name) {
            return fieldSet.contains(name) || methods.contains(name);
        }
    }
}
