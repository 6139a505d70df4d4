package com.clinikapi.server.web;

import com.clinikapi.server.generated.model.Meta;
import com.clinikapi.server.ratelimit.RateLimitStatus;
import com.clinikapi.server.ratelimit.RateLimiter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

/** Builds the {@code meta} of a success envelope: the same request id, time and limits as the headers. */
@Singleton
public class ResponseMeta {

    private final RateLimiter rateLimiter;

    public ResponseMeta(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public Meta of(HttpRequest<?> request, HttpStatus status) {
        RateLimitStatus limits = rateLimiter.status(request);
        return new Meta(RequestAttributes.requestId(request), RequestAttributes.answeredAt(request),
                status.getCode(), limits.limit(), limits.remaining(), limits.resetSeconds());
    }
}
