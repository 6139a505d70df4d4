package com.clinikapi.mock.web;

import com.clinikapi.contract.error.ErrorCode;

/**
 * How the service answers a request that matches no operation of the spec (the spec's error schema
 * describes these answers, though no operation lists them). The mock copies the service so that a
 * client sees the same thing from both.
 */
enum RouteError {
    NO_SUCH_ENDPOINT(404, ErrorCode.NOT_FOUND.name(), "No such endpoint"),
    METHOD_NOT_ALLOWED(ErrorCode.METHOD_NOT_ALLOWED.httpStatus(), ErrorCode.METHOD_NOT_ALLOWED.name(),
            ErrorCode.METHOD_NOT_ALLOWED.summary());

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
