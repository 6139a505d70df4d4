package com.clinikapi.server.database;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Tells the connection pool which failures mean the connection is dead, so that it is evicted rather
 * than handed out again: besides the standard connection-exception class (SQLSTATE 08…, which Hikari
 * already knows), the codes H2 and PostgreSQL use for a closed or shut-down database
 * ({@link SqlFailures#isUnavailable}). Without it a pool of dead H2 connections would keep failing
 * after the database came back. Configured as {@code datasources.default.exception-override-class-name}.
 */
public class BrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException failure) {
        return SqlFailures.isUnavailable(failure)
                ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
