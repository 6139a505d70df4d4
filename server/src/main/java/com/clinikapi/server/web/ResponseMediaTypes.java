package com.clinikapi.server.web;

import com.clinikapi.contract.ApiMediaTypes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

/**
 * Which JSON flavour to answer: {@code application/fhir+json} when the client asks for it (the
 * official TypeScript client does), {@code application/json} otherwise. Any other Accept value is
 * answered with JSON rather than 406, which the contract does not document.
 */
public final class ResponseMediaTypes {

    public static final MediaType FHIR_JSON = MediaType.of(ApiMediaTypes.FHIR_JSON);

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
}
