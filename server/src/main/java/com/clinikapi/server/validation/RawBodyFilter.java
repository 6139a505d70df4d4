package com.clinikapi.server.validation;

import com.clinikapi.server.auth.ApiKeyFilter;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Keeps the bytes of a {@code /v1} POST or PATCH body for {@link RequestBodies}: once Micronaut has
 * bound a body to a model, the request only offers conversions of that model, which can no longer
 * tell an absent field from an explicit {@code null}. Runs after the key check, so unauthenticated
 * requests never have their bodies read.
 */
@ServerFilter(value = "/v1/**", methods = {HttpMethod.POST, HttpMethod.PATCH})
public class RawBodyFilter implements Ordered {

    static final String ATTRIBUTE = "clinikapi.rawBody";

    @RequestFilter
    public void keepBody(HttpRequest<?> request, @Body byte[] body) {
        request.setAttribute(ATTRIBUTE, body);
    }

    @Override
    public int getOrder() {
        return ApiKeyFilter.ORDER + 100;
    }
}
