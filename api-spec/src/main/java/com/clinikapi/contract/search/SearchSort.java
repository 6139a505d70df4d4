package com.clinikapi.contract.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders a search can ask for. Each sorts by one key and breaks ties by id, which is what makes
 * keyset pagination exact. Appointments without a {@code start} carry the largest key,
 * {@link #NO_START_KEY}, so they come last ascending and first descending.
 */
public enum SearchSort {
    START_ASC("start", SortField.START, true),
    START_DESC("-start", SortField.START, false),
    CREATED_ASC("created", SortField.CREATED, true),
    CREATED_DESC("-created", SortField.CREATED, false);

    /** Sort key of an appointment that has no start. */
    public static final long NO_START_KEY = Long.MAX_VALUE;

    /** The order used when a search names none. */
    public static final SearchSort DEFAULT = START_ASC;

    /** The field a search sorts by. */
    public enum SortField { START, CREATED }

    private final String wire;
    private final SortField field;
    private final boolean ascending;

    SearchSort(String wire, SortField field, boolean ascending) {
        this.wire = wire;
        this.field = field;
        this.ascending = ascending;
    }

    public static Optional<SearchSort> fromWire(String value) {
        if (value == null) {
            return Optional.of(DEFAULT);
        }
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }

    public String wire() {
        return wire;
    }

    public SortField field() {
        return field;
    }

    public boolean ascending() {
        return ascending;
    }
}
