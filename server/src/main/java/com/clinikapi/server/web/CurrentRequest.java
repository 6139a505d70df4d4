package com.clinikapi.server.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;

/**
 * The request being served. The generated controller methods take only the API's parameters, so
 * the request (its attributes and raw body) is reached through Micronaut's propagated request
 * context, which follows the request onto the blocking executor.
 */
public final class CurrentRequest {

    private CurrentRequest() {
    }

    public static HttpRequest<?> get() {
        return ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("no HTTP request in scope"));
    }
}
