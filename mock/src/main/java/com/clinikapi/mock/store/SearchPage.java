package com.clinikapi.mock.store;

import java.util.List;

/**
 * One page of a search.
 *
 * @param cursor the next page's cursor; null on the last page
 */
public record SearchPage(List<StoredAppointment> items, long total, String cursor, boolean hasMore) {

    public SearchPage {
        items = List.copyOf(items);
    }
}
