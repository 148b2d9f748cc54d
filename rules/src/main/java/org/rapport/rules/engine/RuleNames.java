package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drools.drl.ast.descr.RuleDescr;

/** Rule names are the rules' identity: two files (or one file twice) declaring the same name is an error. */
final class RuleNames {

    private RuleNames() {
    }

    /** One message per repeated declaration, at the repeat, naming where the name was declared first. */
    static List<RuleMessage> duplicates(List<ParsedRuleFile> files) {
        Map<String, RuleMessage> first = new HashMap<>();
        List<RuleMessage> duplicates = new ArrayList<>();
        for (ParsedRuleFile file : files) {
            SourceLines lines = new SourceLines(file.drl());
            for (RuleDescr rule : file.descr().getRules()) {
                int offset = rule.getStartCharacter() >= 0 ? rule.getStartCharacter()
                        : lines.offset(rule.getLine(), rule.getColumn());
                String kind = rule.isQuery() ? "Query" : "Rule";
                RuleMessage here = file.messageAt(offset, rule.getName(), kind + " \"" + rule.getName() + "\"");
                RuleMessage earlier = first.putIfAbsent(rule.getName(), here);
                if (earlier != null) {
                    duplicates.add(new RuleMessage(here.file(), here.sheet(), here.line(), here.column(),
                            kind + " name \"" + rule.getName() + "\" is declared twice: also in " + earlier.file()
                                    + (earlier.sheet() == null ? "" : " [" + earlier.sheet() + "]")
                                    + " at line " + earlier.line() + "; rule names must be unique in a rule set"));
                }
            }
        }
        return duplicates;
    }
}
