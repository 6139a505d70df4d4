package com.clinikapi.server.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

/**
 * Micronaut's binding failures (a value of the wrong type or format, a missing body), answered in the
 * contract's terms by {@link BindingFailures}. Micronaut's own messages quote the rejected value,
 * so none of them is used.
 */
final class BindingFailureHandlers {

    private BindingFailureHandlers() {
    }

    @Produces
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    static class Unconvertible implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {
        private final BindingFailures failures;

        Unconvertible(BindingFailures failures) {
            this.failures = failures;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
            return failures.unconvertible(request, exception.getArgument(), exception.getConversionError().getOriginalValue());
        }
    }

    @Produces
    @Singleton
    @Replaces(UnsatisfiedRouteHandler.class)
    static class UnsatisfiedRoute implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {
        private final BindingFailures failures;

        UnsatisfiedRoute(BindingFailures failures) {
            this.failures = failures;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException exception) {
            return failures.missing(request, exception.getArgument());
        }
    }

    @Produces
    @Singleton
    @Replaces(UnsatisfiedArgumentHandler.class)
    static class UnsatisfiedArgument implements ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<?>> {
        private final BindingFailures failures;

        UnsatisfiedArgument(BindingFailures failures) {
            this.failures = failures;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsatisfiedArgumentException exception) {
            return failures.missing(request, exception.getArgument());
        }
    }
}
