package com.clinikapi.mock.web;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.OperationMatch;
import com.clinikapi.mock.web.transport.TransportFinding;
import com.github.tomakehurst.wiremock.http.Request;

import java.util.Optional;
import java.util.Set;

/**
 * One request as the pipeline judges it: what was asked of which operation (if any), with which
 * key, and what the transport found wrong with it.
 *
 * @param path     the request's path, without its query
 * @param match    the spec operation the method and path name, if any
 * @param apiKey   the {@code x-api-key} sent, or null
 * @param findings what the transport recorded ({@link TransportFinding#in})
 */
record Arrival(Request request, String method, String path, Optional<OperationMatch> match, String apiKey,
               Set<TransportFinding> findings) {

    static Arrival of(Request request, ApiContract contract) {
        String method = request.getMethod().getName();
        String path = QueryStrings.path(request.getUrl());
        return new Arrival(request, method, path, contract.match(method, path), request.getHeader(ApiHeaders.API_KEY),
                TransportFinding.in(request));
    }

    boolean found(TransportFinding finding) {
        return findings.contains(finding);
    }

    /** Under {@code /v1/}, where the service's filters run: key first, even for paths nothing serves. */
    boolean underKeyedPrefix() {
        return path.startsWith(RouteError.KEYED_PREFIX);
    }

    boolean needsKey() {
        return match.map(m -> m.operation().requiresApiKey()).orElse(underKeyedPrefix());
    }

    /** Whether a read scope suffices: the operation's own say, or GET and HEAD where no operation matches. */
    boolean isRead() {
        return match.map(m -> m.operation().isRead()).orElse("GET".equals(method) || "HEAD".equals(method));
    }

    /**
     * Whether the service reads this request's body before checking the key: every POST and PATCH
     * under {@code /v1/}, whatever the route (its raw-body filter runs before the key filter, and its
     * size limit applies while the body is read).
     */
    boolean bodyReadBeforeKey() {
        return underKeyedPrefix() && ("POST".equals(method) || "PATCH".equals(method));
    }
}
