package com.clinikapi.contract.search;

/**
 * Where the previous page ended: the sort key and id of its last appointment, plus the order and
 * filters it was issued for. The next page starts strictly after {@code (lastKey, lastId)} in the
 * search order, so rows inserted or deleted meanwhile never shift it.
 */
public record SearchCursor(SearchSort sort, String filterFingerprint, long lastKey, String lastId) {
}
