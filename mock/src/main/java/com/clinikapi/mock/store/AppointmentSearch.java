package com.clinikapi.mock.store;

import com.clinikapi.contract.search.CursorCodec;
import com.clinikapi.contract.search.SearchContext;
import com.clinikapi.contract.search.SearchCursor;
import com.clinikapi.contract.search.SearchFilter;
import com.clinikapi.contract.search.SearchSort;
import com.clinikapi.contract.search.SortKeys;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Filters, sorts and pages a tenant's appointments the way the service does: keyset pagination on
 * {@code (sort key, id)}, so appointments created or deleted between pages never make a page skip
 * or repeat one. Cursors are the contract's signed cursors, bound to the sandbox (its key), the key's
 * mode, the filters and the order, and expiring like the service's.
 */
public final class AppointmentSearch {

    private final CursorCodec cursors;

    public AppointmentSearch(CursorCodec cursors) {
        this.cursors = cursors;
    }

    /**
     * @param appointments the sandbox's appointments
     * @param context      the sandbox, its mode, the filters and the order
     * @param cursorToken  the previous page's cursor, or null for the first page
     * @throws com.clinikapi.contract.error.ApiException {@code INVALID_PARAMETER} for a cursor not
     *                                                   issued for this search, or expired
     */
    public SearchPage search(Collection<StoredAppointment> appointments, SearchContext context, int count,
                             String cursorToken) {
        SearchFilter filter = context.filter();
        SearchSort sort = context.sort();
        SearchCursor after = cursorToken == null ? null : cursors.decode(cursorToken, context);
        List<StoredAppointment> matches = appointments.stream().filter(a -> matches(filter, a)).toList();
        Comparator<StoredAppointment> order = order(sort);
        List<StoredAppointment> remaining = matches.stream()
                .filter(a -> after == null || isAfter(sort, a, after))
                .sorted(order)
                .toList();
        List<StoredAppointment> page = remaining.subList(0, Math.min(count, remaining.size()));
        boolean hasMore = remaining.size() > page.size();
        String next = null;
        if (hasMore) {
            StoredAppointment last = page.get(page.size() - 1);
            next = cursors.encode(new SearchCursor(key(sort, last), last.id()), context);
        }
        return new SearchPage(page, matches.size(), next, hasMore);
    }

    private static boolean matches(SearchFilter filter, StoredAppointment a) {
        if (filter.patientId() != null && !filter.patientId().equals(a.patientId())) {
            return false;
        }
        if (filter.practitionerId() != null && !filter.practitionerId().equals(a.practitionerId())) {
            return false;
        }
        if (filter.status() != null && filter.status() != a.status()) {
            return false;
        }
        if (filter.hasDateRange()) {
            OffsetDateTime start = a.start();
            if (start == null) {
                return false;
            }
            if (filter.startFromInclusive() != null && start.isBefore(filter.startFromInclusive())) {
                return false;
            }
            return filter.startToExclusive() == null || start.isBefore(filter.startToExclusive());
        }
        return true;
    }

    private static long key(SearchSort sort, StoredAppointment a) {
        return sort.field() == SearchSort.SortField.START ? SortKeys.ofStart(a.start()) : SortKeys.of(a.created());
    }

    private static Comparator<StoredAppointment> order(SearchSort sort) {
        Comparator<StoredAppointment> ascending = Comparator
                .comparingLong((StoredAppointment a) -> key(sort, a))
                .thenComparing(StoredAppointment::id);
        return sort.ascending() ? ascending : ascending.reversed();
    }

    private static boolean isAfter(SearchSort sort, StoredAppointment a, SearchCursor cursor) {
        int byKey = Long.compare(key(sort, a), cursor.lastKey());
        int comparison = byKey != 0 ? byKey : a.id().compareTo(cursor.lastId());
        return sort.ascending() ? comparison > 0 : comparison < 0;
    }
}
