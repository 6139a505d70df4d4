package com.clinikapi.server.error;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.server.web.RequestAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.util.List;

/**
 * A client that closed its connection before sending the whole body it announced (a dropped mobile
 * connection, a client timeout): Netty ends the body with an {@link EOFException}. That is the
 * client's doing and nobody is left to read the answer, so it is logged as information, not as the
 * service's error with a stack trace, and answered as an incomplete body would be.
 */
@Produces
@Singleton
public class ClientAbortHandler implements ExceptionHandler<EOFException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAbortHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, EOFException exception) {
        LOG.info("Client closed the connection before its request body was complete ({})", RequestAttributes.requestId(request));
        return ErrorResponses.of(request, ErrorCode.MALFORMED_JSON, List.of(SchemaViolations.malformedJson()));
    }
}
