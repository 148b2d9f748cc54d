package org.rapport.engine.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ids for rows the intake writes with plain SQL, taken from the table's sequence in blocks as Hibernate's
 * pooled optimiser takes them (a sequence value is a block's top), so that they never meet ids Hibernate
 * hands out for the same table. Stateless.
 */
final class SequenceIds {

    /** Hibernate's pooled sequences hand out blocks of this many ids, a sequence value being a block's top. */
    static final int BLOCK = 50;

    private SequenceIds() {
    }

    /** {@code count} unused ids of {@code sequence} (a name of ours). */
    static long[] next(Connection connection, SqlDialect dialect, String sequence, int count) throws SQLException {
        long[] ids = new long[count];
        int filled = 0;
        while (filled < count) {
            int blocks = (count - filled + BLOCK - 1) / BLOCK;
            try (PreparedStatement statement = connection.prepareStatement(dialect.sequenceValues(sequence))) {
                statement.setInt(1, blocks);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next() && filled < count) {
                        long top = rows.getLong(1);
                        if (top < BLOCK) {
                            // a fresh sequence's first value: Hibernate treats it as the bottom of a block
                            continue;
                        }
                        for (long id = top - BLOCK + 1; id <= top && filled < count; id++) {
                            ids[filled++] = id;
                        }
                    }
                }
            }
        }
        return ids;
    }
}
