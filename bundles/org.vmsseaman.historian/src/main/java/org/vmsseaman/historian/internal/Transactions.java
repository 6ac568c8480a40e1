package org.vmsseaman.historian.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Explicit transactions on a connection in auto-commit mode, as the writer uses them. */
final class Transactions {

    /** Statements run in one transaction; returns a count. */
    interface Work {
        long run(Statement st) throws SQLException;
    }

    private Transactions() {}

    /** Runs {@code work} between BEGIN and COMMIT; rolls back and rethrows if anything fails. */
    static long run(Connection conn, Work work) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("BEGIN TRANSACTION");
            try {
                long result = work.run(st);
                st.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    st.execute("ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }
}
