package com.clinikapi.server.error;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A body that does not decode from the {@code Content-Encoding} it declares (plain JSON sent as
 * {@code gzip} or {@code deflate}, or a truncated stream): 400 {@code MALFORMED_JSON}, as for any body
 * that cannot be read as JSON. Netty decodes those encodings before the body is read, and its failure
 * would otherwise be answered 500.
 */
@Produces
@Singleton
public class UndecodableBodyHandler implements ExceptionHandler<DecompressionException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, DecompressionException exception) {
        return ErrorResponses.of(request, ErrorCode.MALFORMED_JSON, List.of(SchemaViolations.undecodableBody()));
    }
}
