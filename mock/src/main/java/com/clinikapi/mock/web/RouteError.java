package com.clinikapi.mock.web;

import com.clinikapi.contract.error.ErrorCode;

/**
 * How the service answers a request that matches no operation of the spec (its own error handlers
 * do this, outside the contract's vocabulary because no operation documents these answers). The
 * mock copies the service so that a client sees the same thing from both.
 */
enum RouteError {
    NO_SUCH_ENDPOINT(404, ErrorCode.NOT_FOUND.name(), "No such endpoint"),
    METHOD_NOT_ALLOWED(405, "METHOD_NOT_ALLOWED", "Method not allowed on this endpoint");

    /** Paths under which the service checks the key before anything else, even for unknown routes. */
    static final String KEYED_PREFIX = "/v1/";

    private final int status;
    private final String code;
    private final String summary;

    RouteError(int status, String code, String summary) {
        this.status = status;
        this.code = code;
        this.summary = summary;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String summary() {
        return summary;
    }
}
