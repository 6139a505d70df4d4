package com.clinikapi.server.validation;

import com.clinikapi.server.web.RequestIdFilter;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Keeps the bytes of a {@code /v1} POST or PATCH body for {@link RequestBodies}: once Micronaut has
 * bound a body to a model, the request only offers conversions of that model, which can no longer
 * tell an absent field from an explicit {@code null}.
 *
 * <p>Runs just before the key check, on Netty's event loop: the key check continues the request on
 * the blocking executor, and Micronaut 4.10's shared body buffer must be subscribed from the event
 * loop first (a first read from another thread re-enters the buffer when the route binds the body
 * again; micronaut-core#12646). The bytes are only kept, not parsed, so an unauthenticated request
 * is still answered 401 whatever its body; bodies are capped at 1 MiB either way.
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
        return RequestIdFilter.ORDER + 50;
    }
}
