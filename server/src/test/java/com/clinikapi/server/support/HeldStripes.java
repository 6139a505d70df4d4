package com.clinikapi.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A transaction of the test's own that holds every practitioner's stripe lock ({@code practitioner_lock},
 * {@code SELECT … FOR UPDATE}) until closed, as a stuck session would: every booking of the service
 * on that database waits for it. Closing rolls the transaction back.
 */
public final class HeldStripes implements AutoCloseable {

    private final Connection connection;

    private HeldStripes(Connection connection) {
        this.connection = connection;
    }

    /** Opens a connection to the database of {@code datasource} (a server's configuration) and takes the locks. */
    public static HeldStripes hold(Map<String, Object> datasource) {
        try {
            Connection connection = DriverManager.getConnection((String) datasource.get("datasources.default.url"),
                    (String) datasource.getOrDefault("datasources.default.username", "sa"),
                    (String) datasource.getOrDefault("datasources.default.password", ""));
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 ResultSet locked = statement.executeQuery("SELECT stripe FROM practitioner_lock FOR UPDATE")) {
                int count = 0;
                while (locked.next()) {
                    count++;
                }
                if (count == 0) {
                    throw new IllegalStateException("practitioner_lock is empty: is the schema migrated?");
                }
            }
            return new HeldStripes(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not hold the practitioner locks", e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
