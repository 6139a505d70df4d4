package com.clinikapi.server.web;

import com.clinikapi.contract.RequestIds;
import io.micronaut.http.HttpRequest;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What the filters learn about a request and later layers read back: its id, the time it is
 * answered, and (in the auth package) the caller's key. Request attributes, because the generated
 * controller signatures leave no room for extra parameters.
 */
public final class RequestAttributes {

    static final String REQUEST_ID = "clinikapi.requestId";
    static final String ANSWERED_AT = "clinikapi.answeredAt";
    static final String REFERENCE_DOCS = "clinikapi.referenceDocs";

    private RequestAttributes() {
    }

    /**
     * The request's {@code req_…} id: assigned by {@link RequestIdFilter} before anything else runs,
     * or here on first use for a request refused before the filters (e.g. a request line too long).
     */
    public static String requestId(HttpRequest<?> request) {
        Optional<String> assigned = request.getAttribute(REQUEST_ID, String.class);
        if (assigned.isPresent()) {
            return assigned.get();
        }
        String id = RequestIds.newId();
        request.setAttribute(REQUEST_ID, id);
        return id;
    }

    /** Marks the request as answered by the reference docs, whose answers carry their own security headers. */
    public static void answeredByReferenceDocs(HttpRequest<?> request) {
        request.setAttribute(REFERENCE_DOCS, Boolean.TRUE);
    }

    public static boolean isAnsweredByReferenceDocs(HttpRequest<?> request) {
        return request.getAttribute(REFERENCE_DOCS, Boolean.class).orElse(false);
    }

    /**
     * The instant the request is answered, fixed on first use so that {@code meta.timestamp} and
     * the {@code X-Timestamp} header agree.
     */
    public static OffsetDateTime answeredAt(HttpRequest<?> request) {
        Optional<OffsetDateTime> fixed = request.getAttribute(ANSWERED_AT, OffsetDateTime.class);
        if (fixed.isPresent()) {
            return fixed.get();
        }
        OffsetDateTime now = Clocks.nowUtc();
        request.setAttribute(ANSWERED_AT, now);
        return now;
    }
}
