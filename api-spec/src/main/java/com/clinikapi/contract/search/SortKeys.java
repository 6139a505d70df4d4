package com.clinikapi.contract.search;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Turns the instants a search sorts by into the {@code long} keys a cursor carries: microseconds
 * since the epoch, the precision both PostgreSQL and H2 store.
 */
public final class SortKeys {

    private SortKeys() {
    }

    public static long of(OffsetDateTime instant) {
        Instant i = instant.toInstant();
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
    }

    /** The start key, {@link SearchSort#NO_START_KEY} when the appointment has no start. */
    public static long ofStart(OffsetDateTime start) {
        return start == null ? SearchSort.NO_START_KEY : of(start);
    }
}
