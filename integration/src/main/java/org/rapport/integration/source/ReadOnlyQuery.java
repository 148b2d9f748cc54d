package org.rapport.integration.source;

import java.util.List;
import java.util.Locale;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * A JDBC source's query as a real SQL parser (JSqlParser) reads it: exactly one SELECT that neither
 * writes (no data-modifying WITH, no SELECT INTO) nor locks (no FOR UPDATE). What runs is the
 * parser's own rendering of that one statement, never the text as sent, so a trick the parser and
 * the database read differently (a second statement hidden in a comment or a quote) cannot run. The
 * database is still asked for a read-only transaction: a function that writes fails there.
 */
public final class ReadOnlyQuery {

    private static final String RULE = "must be one SELECT that only reads (a source is only ever read): ";

    private final String sql;

    private ReadOnlyQuery(String sql) {
        this.sql = sql;
    }

    /**
     * The checked query.
     *
     * @throws DefinitionException naming {@code transport.query} and what breaks the rule
     */
    public static ReadOnlyQuery of(String query) throws DefinitionException {
        List<Statement> statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(query);
        } catch (JSQLParserException e) {
            throw refused("it cannot be parsed as SQL (" + firstLine(e) + ")");
        }
        if (statements.size() != 1) {
            throw refused("it holds " + statements.size() + " statements");
        }
        if (!(statements.get(0) instanceof Select select)) {
            throw refused("it is " + kind(statements.get(0)) + ", not a SELECT");
        }
        if (select.getWithItemsList() != null) {
            for (WithItem<?> item : select.getWithItemsList()) {
                if (!(item.getParenthesedStatement() instanceof ParenthesedSelect)) {
                    throw refused("its WITH " + item.getAliasName() + " changes data");
                }
            }
        }
        if (select instanceof PlainSelect plain && (plain.getIntoTables() != null || plain.getIntoTempTable() != null)) {
            throw refused("SELECT INTO writes a table");
        }
        if (select.getForMode() != null || select.getForUpdateTable() != null) {
            throw refused("FOR " + select.getForMode() + " locks rows");
        }
        return new ReadOnlyQuery(select.toString());
    }

    /** The statement to run: the parser's rendering of the one SELECT. */
    public String sql() {
        return sql;
    }

    private static DefinitionException refused(String why) {
        return new DefinitionException("transport.query", RULE + why);
    }

    private static String kind(Statement statement) {
        return statement.getClass().getSimpleName().toUpperCase(Locale.ROOT);
    }

    private static String firstLine(JSQLParserException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String message = String.valueOf(cause.getMessage());
        return message.lines().findFirst().orElse(message).strip();
    }
}
