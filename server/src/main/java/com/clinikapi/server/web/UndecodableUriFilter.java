package com.clinikapi.server.web;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.server.auth.ApiKeyFilter;
import com.clinikapi.server.error.ErrorResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses an API request whose URI did not decode (repaired and marked by
 * {@link UndecodableUriGuard}) with 400 {@code INVALID_PARAMETER}, after the key check, as any other
 * invalid parameter. Other paths (/health) are served as usual.
 */
@ServerFilter("/v1/**")
public class UndecodableUriFilter implements Ordered {

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuse(HttpRequest<?> request) {
        if (request.getHeaders().contains(UndecodableUriGuard.MARKER)) {
            return ErrorResponses.of(request, ErrorCode.INVALID_PARAMETER);
        }
        return null;
    }

    @Override
    public int getOrder() {
        return ApiKeyFilter.ORDER + 50;
    }
}
