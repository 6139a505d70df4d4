package com.clinikapi.server.error;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

import java.util.List;

/** A body that is not JSON at all: 400 {@code MALFORMED_JSON}. The parser's message (which quotes the input) is dropped. */
@Produces
@Singleton
@Replaces(JsonExceptionHandler.class)
public class MalformedJsonHandler implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
        return ErrorResponses.of(request, ErrorCode.MALFORMED_JSON, List.of(SchemaViolations.malformedJson()));
    }
}
