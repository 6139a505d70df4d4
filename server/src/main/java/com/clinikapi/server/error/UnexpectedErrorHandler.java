package com.clinikapi.server.error;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.server.web.RequestAttributes;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no other handler claims: 500 {@code INTERNAL_ERROR} with an empty issue list (unless it is
 * a database outage wrapped in something else: 503, see {@link DatabaseFailureHandlers}). The stack
 * trace is logged with the request id but with every exception message redacted, because driver
 * and library messages can quote request data (e.g. a constraint violation's key values).
 */
@Produces
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        return DatabaseFailureHandlers.outage(request, exception).orElseGet(() -> unexpected(request, exception));
    }

    HttpResponse<?> unexpected(HttpRequest<?> request, Exception exception) {
        LOG.error("Unexpected error answering {} {} ({})", request.getMethodName(), routeOf(request),
                RequestAttributes.requestId(request), RedactedThrowable.of(exception));
        return ErrorResponses.of(request, ErrorCode.INTERNAL_ERROR);
    }

    /** The route template, never the actual path or query: both can carry values a client sent. */
    private static String routeOf(HttpRequest<?> request) {
        return BasicHttpAttributes.getUriTemplate(request).orElse("(no route)");
    }
}
