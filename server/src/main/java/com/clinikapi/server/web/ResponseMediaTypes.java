package com.clinikapi.server.web;

import com.clinikapi.contract.ApiMediaTypes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.netty.NettyHttpRequest;

import java.util.Set;

/**
 * Which JSON flavour to answer: {@code application/fhir+json} when the client asks for it (the
 * official TypeScript client does) and the spec declares it for the response, {@code application/json}
 * otherwise. Any other Accept value is answered with JSON rather than 406, which the contract does
 * not document.
 */
public final class ResponseMediaTypes {

    public static final MediaType FHIR_JSON = MediaType.of(ApiMediaTypes.FHIR_JSON);

    /** Only the API's operations produce application/fhir+json; /health is plain JSON. */
    private static final String API_PATH = "/v1/";

    /** Statuses that never have a body, so neither has their HEAD a type. */
    private static final Set<HttpStatus> BODILESS = Set.of(HttpStatus.NO_CONTENT, HttpStatus.NOT_MODIFIED);

    /** Statuses whose responses the spec declares in application/json only (PayloadTooLarge, UnsupportedMediaType). */
    private static final Set<HttpStatus> JSON_ONLY = Set.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE);

    private ResponseMediaTypes() {
    }

    public static MediaType choose(HttpRequest<?> request) {
        for (MediaType accepted : request.accept()) {
            String name = accepted.getName();
            if (ApiMediaTypes.FHIR_JSON.equals(name)) {
                return FHIR_JSON;
            }
            if (ApiMediaTypes.JSON.equals(name)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }

    /**
     * Sets the content type of a JSON response to the one the client asked for, where the spec allows
     * it. A HEAD is typed as its GET would be: Micronaut drops its body before typing it, but HTTP
     * wants the GET's headers.
     */
    public static void apply(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean head = request.getMethod() == HttpMethod.HEAD;
        boolean hasBody = head ? !BODILESS.contains(response.status()) : response.getBody().isPresent();
        if (!hasBody || !isJson(response)) {
            return;
        }
        if (!isApiRequest(request)) {
            if (head && response.getContentType().isEmpty()) {
                response.contentType(MediaType.APPLICATION_JSON_TYPE);
            }
            return;
        }
        response.contentType(JSON_ONLY.contains(response.status()) ? MediaType.APPLICATION_JSON_TYPE : choose(request));
    }

    /** Whether the request is for an API operation; decided on the raw URI, which may not even decode. */
    private static boolean isApiRequest(HttpRequest<?> request) {
        String raw = request instanceof NettyHttpRequest<?> netty ? netty.getNativeRequest().uri() : request.getPath();
        return raw.startsWith(API_PATH);
    }

    private static boolean isJson(MutableHttpResponse<?> response) {
        return response.getContentType()
                .map(type -> type.getExtension().equals(MediaType.EXTENSION_JSON) || type.getName().endsWith("+json"))
                .orElse(true);
    }
}
