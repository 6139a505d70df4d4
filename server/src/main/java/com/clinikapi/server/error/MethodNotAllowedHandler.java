package com.clinikapi.server.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.http.server.exceptions.NotAllowedExceptionHandler;
import jakarta.inject.Singleton;

/** A known path with a method it does not support: 405 with {@code Allow}, in the API's error shape. */
@Produces
@Singleton
@Replaces(NotAllowedExceptionHandler.class)
public class MethodNotAllowedHandler implements ExceptionHandler<NotAllowedException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, NotAllowedException exception) {
        return ErrorResponses.forStatus(request, HttpStatus.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, String.join(", ", exception.getAllowedMethods()));
    }
}
