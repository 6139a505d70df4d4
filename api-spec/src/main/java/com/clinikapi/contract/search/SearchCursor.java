package com.clinikapi.contract.search;

/**
 * Where the previous page ended: the sort key and id of its last appointment. The next page starts
 * strictly after {@code (lastKey, lastId)} in the search order, so rows inserted or deleted
 * meanwhile never shift it. Which search it belongs to is not part of it: {@link CursorCodec}
 * binds it to a {@link SearchContext}.
 */
public record SearchCursor(long lastKey, String lastId) {
}
