package com.clinikapi.server.web;

import com.clinikapi.contract.ApiMediaTypes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.Collection;
import java.util.Set;

/**
 * Answers JSON whatever the client accepts. Micronaut answers 406 when no route produces an
 * accepted type, and the contract documents no 406: an {@code Accept} that admits neither
 * {@code application/json} nor {@code application/fhir+json} is replaced by
 * {@code application/json} before routing.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AcceptFilter {

    /** What the API's operations produce; /health produces plain JSON only. */
    private static final Set<String> SERVED_BY_API = Set.of(ApiMediaTypes.JSON, ApiMediaTypes.FHIR_JSON,
            MediaType.ALL, "application/*");
    private static final Set<String> SERVED_ELSEWHERE = Set.of(ApiMediaTypes.JSON, MediaType.ALL, "application/*");

    @PreMatching
    @RequestFilter
    @Nullable
    public HttpRequest<?> acceptJson(HttpRequest<?> request) {
        Collection<MediaType> accepted = request.accept();
        Set<String> served = request.getPath().startsWith("/v1/") ? SERVED_BY_API : SERVED_ELSEWHERE;
        if (accepted.isEmpty() || accepted.stream().anyMatch(type -> served.contains(type.getName()))) {
            return null;
        }
        if (request.getHeaders() instanceof MutableHttpHeaders headers) {
            // In place: a mutated copy of the request would lose the body for later filters.
            headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
            return null;
        }
        MutableHttpRequest<?> json = request.mutate();
        json.getHeaders().set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        return json;
    }
}
