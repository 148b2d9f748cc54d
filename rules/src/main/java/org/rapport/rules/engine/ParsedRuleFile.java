package org.rapport.rules.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * One rule file read and parsed the way the KIE builder will parse it: a DRL file as it is, a
 * decision table as the DRL Drools generates from it. It knows how to turn a place in that DRL back
 * into the place the author wrote (line and column, or sheet, row and column). Immutable.
 *
 * @param name  the file name as the author gave it
 * @param drl   the DRL text the builder compiles
 * @param descr the parsed package
 * @param table the decision table the DRL came from; {@code null} for a DRL file
 */
record ParsedRuleFile(String name, String drl, PackageDescr descr, DecisionTableDrl table) {

    /** The suffix of scenario files kept with a rule set; they are not compiled. */
    static final String SCENARIO_SUFFIX = ".scenario.json";

    /** True for files the compiler reads: DRL and decision tables. */
    static boolean isRuleFile(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".drl") || DecisionTableDrl.isDecisionTable(name);
    }

    /**
     * Why a file is not part of a rule set. A rule set is its rule files and scenario files, and nothing else: it
     * needs no list of its files (the rules module's ruleset.txt and scenarios.txt only index the default set
     * inside the jar).
     */
    static String notPartOfARuleSet(String name) {
        return "Not a rule file: a rule set holds rules (.drl), decision tables (.drl.csv, .drl.xlsx) and scenarios"
                + " (.scenario.json), and nothing else" + (name.toLowerCase(Locale.ROOT).endsWith(".txt")
                        ? "; it needs no list of its files (ruleset.txt and scenarios.txt only index the default rule"
                                + " set inside the rules jar): leave " + name + " out"
                        : "; rename it .drl for rules, .drl.csv or .drl.xlsx for a decision table");
    }

    /** True for the files a rule set may hold: rule files and scenario files. */
    static boolean belongsToRuleSet(String name) {
        return isRuleFile(name) || isScenarioFile(name);
    }

    static boolean isScenarioFile(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(SCENARIO_SUFFIX);
    }

    /**
     * Reads and parses a rule file, or explains where it cannot: not a rule file, empty, binary,
     * an unreadable decision table, a unicode escape (refused before parsing), a syntax error.
     */
    static Reading read(RuleFileSource file) {
        List<RuleMessage> problems = new ArrayList<>();
        if (!isRuleFile(file.name())) {
            problems.add(new RuleMessage(file.name(), 0, 0, notPartOfARuleSet(file.name())));
            return new Reading(null, problems);
        }
        String drl;
        DecisionTableDrl table = null;
        if (DecisionTableDrl.isDecisionTable(file.name())) {
            if (file.content().length == 0) {
                problems.add(new RuleMessage(file.name(), 0, 0, "The file is empty"));
                return new Reading(null, problems);
            }
            try {
                table = DecisionTableDrl.of(file);
            } catch (DecisionTableDrl.UnreadableTableException unreadable) {
                return new Reading(null, unreadable.ruleMessages());
            }
            drl = table.drl();
        } else {
            drl = text(file, problems);
            if (drl == null) {
                return new Reading(null, problems);
            }
        }
        int escape = CodeTokens.firstUnicodeEscape(drl);
        if (escape >= 0) {
            // The parser, the Java compiler and MVEL would each read the escaped text differently: refused unread.
            problems.add(new ParsedRuleFile(file.name(), drl, null, table).messageAt(escape, null,
                    "Sandbox: unicode escapes (\\uXXXX) are not allowed in rule files: write the character itself"));
            return new Reading(null, problems);
        }
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(false, drl);
        } catch (DroolsParserException unparseable) {
            problems.add(new RuleMessage(file.name(), 0, 0, "Does not parse: " + unparseable.getMessage()));
            return new Reading(null, problems);
        }
        ParsedRuleFile parsed = new ParsedRuleFile(file.name(), drl, descr, table);
        for (DroolsError error : parser.getErrors()) {
            problems.add(error instanceof ParserError parserError
                    // the parser counts columns from 0
                    ? parsed.messageAtLine(parserError.getRow(), parserError.getCol() + 1, null, error.getMessage())
                    : new RuleMessage(file.name(), 0, 0, error.getMessage()));
        }
        if (!problems.isEmpty() || descr == null) {
            return new Reading(null, problems);
        }
        if (declaresNothing(descr)) {
            problems.add(new RuleMessage(file.name(), 1, 1, "The file declares no rule, query, function or type"));
            return new Reading(null, problems);
        }
        return new Reading(parsed, problems);
    }

    /** A DRL file's text, or {@code null} with a problem when it is empty or not UTF-8 text. */
    private static String text(RuleFileSource file, List<RuleMessage> problems) {
        byte[] content = file.content();
        String text;
        ByteBuffer bytes = ByteBuffer.wrap(content);
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException binary) {
            // the decoder stops at the start of the first sequence that is not UTF-8
            problems.add(binaryAt(file.name(), content, Math.min(bytes.position(), content.length - 1)));
            return null;
        }
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (Character.isISOControl(character) && character != '\n' && character != '\r' && character != '\t'
                    && character != '\f') {
                SourceLines lines = new SourceLines(text);
                problems.add(new RuleMessage(file.name(), lines.line(index), lines.column(index),
                        "Not a text file: control character 0x" + Integer.toHexString(character)
                                + "; a .drl file must be UTF-8 text (a binary file renamed .drl?)"));
                return null;
            }
        }
        if (text.isBlank()) {
            problems.add(new RuleMessage(file.name(), 0, 0, "The file is empty"));
            return null;
        }
        return text;
    }

    private static RuleMessage binaryAt(String name, byte[] content, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int index = 0; index < offset; index++) {
            if (content[index] == '\n') {
                line++;
                lineStart = index + 1;
            }
        }
        return new RuleMessage(name, line, offset - lineStart + 1, "Not a text file: byte 0x"
                + Integer.toHexString(content[offset] & 0xff) + " is not UTF-8; a .drl file must be UTF-8 text"
                + " (a binary file renamed .drl?)");
    }

    private static boolean declaresNothing(PackageDescr descr) {
        return descr.getRules().isEmpty() && descr.getFunctions().isEmpty() && descr.getTypeDeclarations().isEmpty()
                && descr.getEnumDeclarations().isEmpty() && descr.getGlobals().isEmpty();
    }

    /** A message at a character of the DRL; {@code token} helps find the cell of a decision table. */
    RuleMessage messageAt(int offset, String token, String text) {
        SourceLines lines = new SourceLines(drl);
        return messageAtLine(lines.line(offset), lines.column(offset), token, text);
    }

    /** As {@link #messageAt(int, String, String)}, kept in the rule's row of a decision table: the cell whose value is at fault. */
    RuleMessage messageInRuleRowAt(int offset, String token, String text) {
        SourceLines lines = new SourceLines(drl);
        return messageAtLine(lines.line(offset), lines.column(offset), token, true, text);
    }

    /** A message at a 1-based line and column of the DRL, placed at the cell for a decision table. */
    RuleMessage messageAtLine(int line, int column, String token, String text) {
        return messageAtLine(line, column, token, false, text);
    }

    /** As above; with {@code inRuleRow}, a decision-table message keeps the rule's row and takes only the column from the cell holding {@code token}. */
    RuleMessage messageAtLine(int line, int column, String token, boolean inRuleRow, String text) {
        if (table == null) {
            return new RuleMessage(name, line, column, text);
        }
        int[] cell = table.cellOf(line, token, inRuleRow);
        return new RuleMessage(name, table.sheet(), cell[0], cell[1],
                text + " (cell " + DecisionTableDrl.cellName(cell[0], cell[1]) + ")");
    }

    /** The outcome of reading a file: the parsed file when it can be checked and compiled, and the problems found. */
    record Reading(ParsedRuleFile parsed, List<RuleMessage> problems) {

        Reading {
            problems = List.copyOf(problems);
        }
    }
}
