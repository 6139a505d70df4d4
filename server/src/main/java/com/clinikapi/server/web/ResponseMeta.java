package com.clinikapi.server.web;

import com.clinikapi.server.generated.model.Meta;
import com.clinikapi.server.ratelimit.RateLimitStatus;
import com.clinikapi.server.ratelimit.RateLimits;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

/**
 * Builds the {@code meta} of a success envelope, and of an error body once the key is known: the
 * same request id, time and limits as the headers.
 */
@Singleton
public class ResponseMeta {

    private final RateLimits rateLimits;

    public ResponseMeta(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    public Meta of(HttpRequest<?> request, HttpStatus status) {
        RateLimitStatus limits = rateLimits.status(request);
        return new Meta(RequestAttributes.requestId(request), RequestAttributes.answeredAt(request),
                status.getCode(), limits.limit(), limits.remaining(), limits.resetSeconds());
    }
}
