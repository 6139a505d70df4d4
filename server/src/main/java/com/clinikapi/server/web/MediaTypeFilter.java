package com.clinikapi.server.web;

import com.clinikapi.contract.ApiMediaTypes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
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
 * Keeps Micronaut's routing from answering with statuses the contract does not document, by
 * adjusting two headers before routing:
 * <ul>
 *   <li>an {@code Accept} that names neither {@code application/json} nor
 *       {@code application/fhir+json} (nor {@code *}{@code /*}) becomes {@code application/json}:
 *       Micronaut would answer 406, also for wildcards such as {@code application/*};</li>
 *   <li>the {@code Content-Type} of a GET, HEAD or DELETE is dropped: those operations take no body,
 *       and Micronaut would answer 415 for a type other than JSON.</li>
 * </ul>
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class MediaTypeFilter {

    /** What the API's operations produce; /health produces plain JSON only. */
    private static final Set<String> SERVED_BY_API = Set.of(ApiMediaTypes.JSON, ApiMediaTypes.FHIR_JSON, MediaType.ALL);
    private static final Set<String> SERVED_ELSEWHERE = Set.of(ApiMediaTypes.JSON, MediaType.ALL);
    private static final Set<HttpMethod> WITHOUT_BODY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE);

    @PreMatching
    @RequestFilter
    @Nullable
    public HttpRequest<?> adjustMediaTypes(HttpRequest<?> request) {
        boolean acceptsServedType = acceptsServedType(request);
        boolean strayContentType = WITHOUT_BODY.contains(request.getMethod())
                && request.getHeaders().contains(HttpHeaders.CONTENT_TYPE);
        if (acceptsServedType && !strayContentType) {
            return null;
        }
        if (request.getHeaders() instanceof MutableHttpHeaders headers) {
            // In place: a mutated copy of the request would lose the body for later filters.
            adjust(headers, acceptsServedType, strayContentType);
            return null;
        }
        MutableHttpRequest<?> adjusted = request.mutate();
        adjust(adjusted.getHeaders(), acceptsServedType, strayContentType);
        return adjusted;
    }

    private static boolean acceptsServedType(HttpRequest<?> request) {
        Collection<MediaType> accepted = request.accept();
        Set<String> served = request.getPath().startsWith("/v1/") ? SERVED_BY_API : SERVED_ELSEWHERE;
        return accepted.isEmpty() || accepted.stream().anyMatch(type -> served.contains(type.getName()));
    }

    private static void adjust(MutableHttpHeaders headers, boolean acceptsServedType, boolean strayContentType) {
        if (!acceptsServedType) {
            headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
        if (strayContentType) {
            headers.remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
