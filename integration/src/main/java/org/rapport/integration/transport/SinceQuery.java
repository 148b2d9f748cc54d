package org.rapport.integration.transport;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A definition's SELECT with its named parameter {@code :since} turned into JDBC's {@code ?}, each
 * occurrence bound to the watermark. A PostgreSQL cast ({@code ::date}) is not a parameter.
 */
final class SinceQuery {

    private static final Pattern SINCE = Pattern.compile("(?<!:):since\\b");

    private final String sql;
    private final int occurrences;

    SinceQuery(String query) {
        Matcher matcher = SINCE.matcher(query);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        this.sql = matcher.replaceAll("?");
        this.occurrences = count;
    }

    String sql() {
        return sql;
    }

    void bind(PreparedStatement statement, Watermark since) throws SQLException {
        for (int parameter = 1; parameter <= occurrences; parameter++) {
            statement.setObject(parameter, since.value());
        }
    }
}
