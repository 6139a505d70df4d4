package com.clinikapi.server.error;

import com.clinikapi.contract.error.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.BufferLengthExceededHandler;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Bodies over {@code micronaut.server.max-request-size} (set to {@code ApiLimits.MAX_BODY_BYTES}):
 * 413 {@code PAYLOAD_TOO_LARGE}, whether the size was announced by Content-Length or found while
 * reading a chunked body.
 */
final class PayloadTooLargeHandlers {

    private PayloadTooLargeHandlers() {
    }

    @Produces
    @Singleton
    @Replaces(ContentLengthExceededHandler.class)
    static class ContentLength implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
            return ErrorResponses.of(request, ErrorCode.PAYLOAD_TOO_LARGE);
        }
    }

    @Produces
    @Singleton
    @Replaces(BufferLengthExceededHandler.class)
    static class BufferLength implements ExceptionHandler<BufferLengthExceededException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, BufferLengthExceededException exception) {
            return ErrorResponses.of(request, ErrorCode.PAYLOAD_TOO_LARGE);
        }
    }
}
