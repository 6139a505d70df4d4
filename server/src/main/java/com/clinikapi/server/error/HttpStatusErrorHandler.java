package com.clinikapi.server.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.HttpStatusHandler;
import jakarta.inject.Singleton;

/**
 * Statuses Micronaut raises itself: no route (404 {@code NOT_FOUND}), a Content-Type the operation
 * does not accept (415 {@code UNSUPPORTED_MEDIA_TYPE}), and any other status exception, mapped to
 * the contract's code for that status. The exception's message (it may quote the URI) is dropped.
 */
@Produces
@Singleton
@Replaces(HttpStatusHandler.class)
public class HttpStatusErrorHandler implements ExceptionHandler<HttpStatusException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, HttpStatusException exception) {
        return ErrorResponses.forStatus(request, exception.getStatus());
    }
}
