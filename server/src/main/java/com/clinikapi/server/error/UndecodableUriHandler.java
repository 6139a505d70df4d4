package com.clinikapi.server.error;

import com.clinikapi.contract.error.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.URISyntaxHandler;
import jakarta.inject.Singleton;

import java.net.URISyntaxException;
import java.util.List;

/** A path or query that cannot be decoded (a broken percent escape): 400 {@code INVALID_PARAMETER}. */
@Produces
@Singleton
@Replaces(URISyntaxHandler.class)
public class UndecodableUriHandler implements ExceptionHandler<URISyntaxException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, URISyntaxException exception) {
        return ErrorResponses.of(request, ErrorCode.INVALID_PARAMETER, List.of());
    }
}
