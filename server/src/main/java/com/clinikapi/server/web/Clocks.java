package com.clinikapi.server.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The service's notion of now: UTC, truncated to microseconds, the precision both H2 and
 * PostgreSQL store, so a value read back equals the value answered when it was written.
 */
public final class Clocks {

    private Clocks() {
    }

    public static OffsetDateTime nowUtc() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
