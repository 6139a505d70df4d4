package com.clinikapi.server.error;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.server.database.SqlFailures;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Database failures that say nothing about the request: the database is unreachable (no connection
 * within the pool's {@code connection-timeout}, or a broken one) or too busy (a lock not granted in
 * time). Both are 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, at once: nothing was
 * changed, and the pool reconnects by itself when the database is back. Anything else is left to
 * {@link UnexpectedErrorHandler} (500).
 */
final class DatabaseFailureHandlers {

    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureHandlers.class);

    private DatabaseFailureHandlers() {
    }

    /** The 503 for a failure that is an outage, or empty when it is something else. */
    static Optional<HttpResponse<?>> outage(HttpRequest<?> request, Throwable failure) {
        boolean unavailable = SqlFailures.isUnavailable(failure);
        if (!unavailable && !SqlFailures.isBusy(failure)) {
            return Optional.empty();
        }
        LOG.warn("Database {} answering {} {} ({})", unavailable ? "unavailable" : "busy", request.getMethodName(),
                BasicHttpAttributes.getUriTemplate(request).orElse("(no route)"), SqlFailures.describe(failure));
        return Optional.of(ErrorResponses.of(request, ErrorCode.SERVICE_UNAVAILABLE)
                .header(ApiHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }

    /** One exception type's handler: the 503 for an outage, the unexpected-error answer otherwise. */
    abstract static class OutageHandler<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<?>> {
        private final UnexpectedErrorHandler unexpected;

        OutageHandler(UnexpectedErrorHandler unexpected) {
            this.unexpected = unexpected;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, E exception) {
            return outage(request, exception).orElseGet(() -> unexpected.unexpected(request, exception));
        }
    }

    @Produces
    @Singleton
    static class DataAccess extends OutageHandler<DataAccessException> {
        DataAccess(UnexpectedErrorHandler unexpected) {
            super(unexpected);
        }
    }

    @Produces
    @Singleton
    static class Connection extends OutageHandler<ConnectionException> {
        Connection(UnexpectedErrorHandler unexpected) {
            super(unexpected);
        }
    }

    @Produces
    @Singleton
    static class Transaction extends OutageHandler<TransactionException> {
        Transaction(UnexpectedErrorHandler unexpected) {
            super(unexpected);
        }
    }
}
