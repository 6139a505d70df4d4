package com.clinikapi.server.database;

import io.micronaut.data.connection.exceptions.ConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * What a failed database call means, read from the standard SQLSTATE (and the pool's exception
 * types) anywhere in the exception's cause chain, so it holds for H2 and PostgreSQL alike and
 * whatever Micronaut wrapped it in.
 */
public final class SqlFailures {

    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's exclusion_violation. */
    private static final String EXCLUSION_VIOLATION = "23P01";
    /**
     * H2's LOCK_TIMEOUT_1 (HYT00); PostgreSQL's lock_not_available, deadlock_detected,
     * serialization_failure, and query_canceled (57014: its statement_timeout fired).
     */
    private static final Set<String> BUSY = Set.of("HYT00", "55P03", "40P01", "40001", "57014");
    /** Connection exceptions (class 08), PostgreSQL shutting down or starting (57P0x), H2's closed or broken database. */
    private static final Set<String> UNREACHABLE = Set.of("57P01", "57P02", "57P03", "90067", "90098", "90121");

    private SqlFailures() {
    }

    /** A unique key or primary key already has this value. */
    public static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure).orElse(null));
    }

    /** A PostgreSQL exclusion constraint refused the row. */
    public static boolean isExclusionViolation(Throwable failure) {
        return EXCLUSION_VIOLATION.equals(sqlState(failure).orElse(null));
    }

    /** A lock was not granted in time, a statement ran out of time, or the database broke a deadlock: retrying may succeed. */
    public static boolean isBusy(Throwable failure) {
        return sqlState(failure).filter(BUSY::contains).isPresent();
    }

    /**
     * The database cannot be reached: no connection within the pool's timeout, or the connection
     * broke. Requests should fail fast with 503 and the pool will reconnect by itself.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Micronaut's failure to open, set up or end a connection; when a broken connection fails
            // to end, the statement's own failure is lost, so this is all there is to go by.
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNREACHABLE.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What an operator needs to know of a failure without its messages (which may quote data): the
     * exception's class and the deepest cause's class and SQLSTATE.
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = sqlState(failure).map(s -> ", SQLSTATE " + s).orElse("");
        return failure.getClass().getName() + (root == failure ? "" : " caused by " + root.getClass().getName()) + state;
    }

    /** The SQLSTATE of the first SQLException in the chain that has one. */
    public static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }
}
