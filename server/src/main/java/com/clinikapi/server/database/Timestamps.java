package com.clinikapi.server.database;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as the JDBC 4.2 type of {@code TIMESTAMP WITH TIME ZONE}: a UTC {@code OffsetDateTime},
 * which H2 and PostgreSQL both bind and read back without the JVM's time zone getting involved.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static OffsetDateTime bind(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
