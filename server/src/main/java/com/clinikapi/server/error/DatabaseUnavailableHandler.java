package com.clinikapi.server.error;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.server.web.RequestAttributes;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No database connection to be had: 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, as
 * the spec documents, rather than a 500: the request was fine and is safe to retry.
 */
@Produces
@Singleton
public class DatabaseUnavailableHandler implements ExceptionHandler<ConnectionException, HttpResponse<?>> {

    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConnectionException exception) {
        LOG.warn("No database connection for request {} ({})", RequestAttributes.requestId(request),
                RedactedThrowable.of(exception));
        return ErrorResponses.of(request, ErrorCode.SERVICE_UNAVAILABLE)
                .header(ApiHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    }
}
