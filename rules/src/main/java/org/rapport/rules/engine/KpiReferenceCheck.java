package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rapport.rules.engine.CodeTokens.Kind;
import org.rapport.rules.engine.CodeTokens.Token;

/**
 * KPI codes and dimensions a condition compares with text ({@code Kpi( code == "NPS", dimension == "channel=phone" )},
 * {@code code in ( ... )}, {@code dimension.startsWith("value_band=")}) that name no KPI or no breakdown: such a
 * rule would compile and never fire. Reported at the text itself, the cell for a decision table. Thread-safe.
 */
final class KpiReferenceCheck {

    private final KpiVocabulary vocabulary;

    KpiReferenceCheck(KpiVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    List<RuleMessage> check(ParsedRuleFile file) {
        List<RuleMessage> messages = new ArrayList<>();
        for (FactPatterns.Pattern pattern : FactPatterns.of(file)) {
            if (!pattern.type().equals("Kpi")) {
                continue;
            }
            String drl = file.drl();
            Map<Integer, String> codes = literalsComparedWith(pattern.constraints(), "code", drl, pattern.end());
            Map<Integer, String> dimensions = literalsComparedWith(pattern.constraints(), "dimension", drl, pattern.end());
            codes.forEach((offset, code) -> vocabulary.unknownCode(code).ifPresent(problem ->
                    messages.add(file.messageInRuleRowAt(offset, code, problem + ruleOf(pattern)))));
            Set<String> known = new LinkedHashSet<>(codes.values());
            dimensions.forEach((offset, dimension) -> vocabulary.unknownDimension(dimension, known).ifPresent(problem ->
                    messages.add(file.messageInRuleRowAt(offset, dimension, problem + ruleOf(pattern)))));
            startsWith(pattern.constraints(), drl, pattern.end()).forEach((offset, prefix) -> vocabulary.unknownDimensionPrefix(prefix)
                    .ifPresent(problem -> messages.add(file.messageInRuleRowAt(offset, prefix, problem + ruleOf(pattern)))));
        }
        return messages;
    }

    private static String ruleOf(FactPatterns.Pattern pattern) {
        return " (in rule \"" + pattern.rule().getName() + "\")";
    }

    /**
     * The string literals {@code field} is compared with by {@code ==}, {@code !=}, {@code in} or {@code not in}, by
     * offset in the DRL. The tokens skip string literals, so the literals are read from the text between tokens.
     */
    private static Map<Integer, String> literalsComparedWith(List<Token> tokens, String field, String drl, int end) {
        Map<Integer, String> literals = new LinkedHashMap<>();
        for (int index = 0; index < tokens.size(); index++) {
            if (!isField(tokens, index, field)) {
                continue;
            }
            int next = index + 1;
            if (next < tokens.size() && tokens.get(next).text().equals("(") && next + 1 < tokens.size()
                    && tokens.get(next + 1).text().equals(")")) {
                next += 2; // getCode()
            }
            if (next + 1 < tokens.size() && (tokens.get(next).text().equals("=") || tokens.get(next).text().equals("!"))
                    && tokens.get(next + 1).text().equals("=")) {
                int from = tokens.get(next + 1).offset() + 1;
                int to = next + 2 < tokens.size() ? tokens.get(next + 2).offset() : end;
                firstLiteral(drl, from, to).ifPresent(literal -> literals.put(literal.offset(), literal.text()));
            } else if (next < tokens.size() && (tokens.get(next).text().equals("in")
                    || tokens.get(next).text().equals("not") && next + 1 < tokens.size() && tokens.get(next + 1).text().equals("in"))) {
                int open = tokens.get(next).text().equals("in") ? next + 1 : next + 2;
                if (open < tokens.size() && tokens.get(open).text().equals("(")) {
                    int close = open + 1;
                    while (close < tokens.size() && !tokens.get(close).text().equals(")")) {
                        close++;
                    }
                    int to = close < tokens.size() ? tokens.get(close).offset() : end;
                    allLiterals(drl, tokens.get(open).offset() + 1, to).forEach(literal -> literals.put(literal.offset(), literal.text()));
                }
            }
        }
        return literals;
    }

    /** {@code dimension.startsWith("...")}: the prefix by offset. */
    private static Map<Integer, String> startsWith(List<Token> tokens, String drl, int end) {
        Map<Integer, String> prefixes = new LinkedHashMap<>();
        for (int index = 0; index + 3 < tokens.size(); index++) {
            if (isField(tokens, index, "dimension") && tokens.get(index + 1).kind() == Kind.DOT
                    && tokens.get(index + 2).text().equals("startsWith") && tokens.get(index + 3).text().equals("(")) {
                int to = index + 4 < tokens.size() ? tokens.get(index + 4).offset() : end;
                firstLiteral(drl, tokens.get(index + 3).offset() + 1, to)
                        .ifPresent(literal -> prefixes.put(literal.offset(), literal.text()));
            }
        }
        return prefixes;
    }

    /** {@code code} or {@code getCode} standing for the pattern's own field, not another fact's ({@code $t.code}). */
    private static boolean isField(List<Token> tokens, int index, String field) {
        Token token = tokens.get(index);
        String getter = "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        if (token.kind() != Kind.IDENTIFIER || !(token.text().equals(field) || token.text().equals(getter))) {
            return false;
        }
        return index == 0 || tokens.get(index - 1).kind() != Kind.DOT;
    }

    private record Literal(int offset, String text) {
    }

    /** The string literal that is all there is between {@code from} and {@code to} (but blanks), if it is one. */
    private static Optional<Literal> firstLiteral(String drl, int from, int to) {
        List<Literal> literals = allLiterals(drl, from, to);
        String rest = drl.substring(from, Math.max(from, to)).strip();
        return literals.size() == 1 && rest.startsWith("\"") && rest.endsWith("\"") ? Optional.of(literals.get(0))
                : Optional.empty();
    }

    /** The double-quoted string literals between two offsets, at the offset of their first character. */
    private static List<Literal> allLiterals(String drl, int from, int to) {
        List<Literal> literals = new ArrayList<>();
        int index = from;
        int end = Math.min(to, drl.length());
        while (index < end) {
            if (drl.charAt(index) == '"') {
                StringBuilder text = new StringBuilder();
                int start = index + 1;
                index++;
                while (index < end && drl.charAt(index) != '"') {
                    if (drl.charAt(index) == '\\' && index + 1 < end) {
                        index++;
                    }
                    text.append(drl.charAt(index));
                    index++;
                }
                literals.add(new Literal(start, text.toString()));
            }
            index++;
        }
        return literals;
    }
}
