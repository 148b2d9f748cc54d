package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.rapport.rules.engine.CodeTokens.Kind;
import org.rapport.rules.engine.CodeTokens.Token;

/**
 * The patterns on published fact types in the conditions of a parsed rule file ({@code $kpi : Kpi( code == "NPS" )}),
 * each with the tokens of its constraints at their offsets in the file's DRL, for checks that speak the author's
 * language before Drools compiles anything. Read token by token, so comments and strings hide nothing. Immutable.
 */
final class FactPatterns {

    /** One pattern: the fact type's simple name, the constraint tokens, where its constraints start and end in the DRL. */
    record Pattern(RuleDescr rule, String type, List<Token> constraints, int start, int end, Set<String> ruleBindings) {
    }

    private FactPatterns() {
    }

    /** Every pattern whose type is a published fact type (and not a type the file declares itself). */
    static List<Pattern> of(ParsedRuleFile file) {
        Set<String> declared = new HashSet<>();
        file.descr().getClassAndEnumDeclarationDescrs().forEach(declaration -> declared.add(declaration.getTypeName()));
        List<Pattern> patterns = new ArrayList<>();
        for (RuleDescr rule : file.descr().getRules()) {
            AndDescr lhs = rule.getLhs();
            if (lhs == null || lhs.getDescrs().isEmpty() || lhs.getStartCharacter() < 0
                    || lhs.getEndCharacter() < lhs.getStartCharacter()) {
                continue;
            }
            int base = lhs.getStartCharacter();
            String text = file.drl().substring(base, Math.min(file.drl().length(), lhs.getEndCharacter() + 1));
            List<Token> tokens = absolute(CodeTokens.of(text).readings().get(0), base);
            Set<String> bindings = bindings(tokens);
            for (int index = 0; index + 1 < tokens.size(); index++) {
                String type = factType(tokens, index, declared);
                if (type == null || !"(".equals(tokens.get(index + 1).text())) {
                    continue;
                }
                int close = closing(tokens, index + 1);
                if (close < 0) {
                    continue;
                }
                patterns.add(new Pattern(rule, type, tokens.subList(index + 2, close), tokens.get(index + 1).offset() + 1,
                        tokens.get(close).offset(), bindings));
            }
        }
        return patterns;
    }

    /** The simple name of the fact type the identifier at {@code index} names as a pattern, or null. */
    private static String factType(List<Token> tokens, int index, Set<String> declared) {
        Token token = tokens.get(index);
        if (token.kind() != Kind.IDENTIFIER || !SandboxPolicy.FACT_TYPES.contains(token.text())
                || declared.contains(token.text())) {
            return null;
        }
        Token before = index > 0 ? tokens.get(index - 1) : null;
        if (before != null && (before.text().equals("new") || before.kind() == Kind.METHOD_REFERENCE)) {
            return null;
        }
        if (before != null && before.kind() == Kind.DOT) {
            // org.rapport.rules.facts.Kpi( ... ) is the same pattern; Rag.RED( is nothing Drools reads as one
            return index >= 2 && tokens.get(index - 2).text().equals("facts") ? token.text() : null;
        }
        return token.text();
    }

    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int index = open; index < tokens.size(); index++) {
            String text = tokens.get(index).text();
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")") && --depth == 0) {
                return index;
            }
        }
        return -1;
    }

    /** Names bound anywhere in the conditions ({@code $kpi :}, {@code total :}), which constraints may use. */
    private static Set<String> bindings(List<Token> tokens) {
        Set<String> names = new HashSet<>();
        for (int index = 0; index + 1 < tokens.size(); index++) {
            if (tokens.get(index).kind() == Kind.IDENTIFIER && tokens.get(index + 1).text().equals(":")) {
                names.add(tokens.get(index).text());
            }
        }
        return names;
    }

    private static List<Token> absolute(List<Token> tokens, int base) {
        return tokens.stream().map(token -> new Token(token.kind(), token.text(), token.offset() + base)).toList();
    }
}
