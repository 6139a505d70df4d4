package com.clinikapi.server.health;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/** Asks the database a trivial question: it answers, or the service is down. */
@Singleton
public class DatabaseProbe {

    private final JdbcOperations jdbc;

    public DatabaseProbe(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean answers() {
        return jdbc.prepareStatement("SELECT 1", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        });
    }
}
