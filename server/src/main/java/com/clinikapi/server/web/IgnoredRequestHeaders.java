package com.clinikapi.server.web;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

/**
 * The request headers the API does not use and Micronaut would still parse, removed by
 * {@link UndecodableUriGuard}'s handler as soon as Netty has decoded a request: {@code Accept-Language}.
 * The API answers in English whatever the client prefers, yet Micronaut reads the header to pick a
 * locale for every request with arguments (before any filter runs) and throws on some malformed
 * values ({@code ;}, {@code ,}), which would surface as a 500 for something a client sent. A header
 * never read cannot fail.
 */
final class IgnoredRequestHeaders {

    private IgnoredRequestHeaders() {
    }

    static void removeFrom(HttpRequest request) {
        request.headers().remove(HttpHeaderNames.ACCEPT_LANGUAGE);
    }
}
