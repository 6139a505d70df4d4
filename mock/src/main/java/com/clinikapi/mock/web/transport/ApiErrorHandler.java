package com.clinikapi.mock.web.transport;

import com.clinikapi.contract.ApiHeaders;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.mock.web.ApiPipeline;
import com.clinikapi.mock.web.RequestLog;
import com.clinikapi.mock.web.UriIssues;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import wiremock.jakarta.servlet.RequestDispatcher;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;

/**
 * Jetty's own error answers in the API's format: a request Jetty refuses before any handler (a head
 * over the service's limits, or a path Jetty still cannot decode) and anything that fails below
 * WireMock. These requests cannot reach the pipeline, so no key is checked first: the service's
 * Netty decoder answers the same heads before its filters too. Jetty's
 * default pages are HTML and quote the request (and, for failures, the exception's message), which
 * may be patient data; these carry only the contract's error body and headers.
 */
final class ApiErrorHandler extends ErrorHandler {

    private final Supplier<ApiPipeline> pipeline;

    ApiErrorHandler(Supplier<ApiPipeline> pipeline) {
        this.pipeline = pipeline;
    }

    /** A request Jetty could not parse; it never reaches a handler. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        // A 400 here is a head over the service's limits, or else nearly always a path Jetty cannot decode.
        ApiException error = status == 400
                ? new ApiException(ErrorCode.INVALID_PARAMETER, List.of(HeadSizeLimits.issueFor(reason).orElse(UriIssues.UNDECODABLE_PATH)))
                : errorFor(status);
        ResponseDefinition answer = pipeline.get().refuse(null, error);
        for (HttpHeader header : answer.getHeaders().all()) {
            fields.put(header.key(), header.firstValue());
        }
        return ByteBuffer.wrap(answer.getByteBody());
    }

    /** An error status set below WireMock, e.g. by a failure inside it, which is logged as the mock's own are. */
    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        ApiException error = response.getStatus() == 404 ? null : errorFor(response.getStatus());
        ResponseDefinition answer = error == null
                ? pipeline.get().refuseUnrouted(request.getHeader("Accept"))
                : pipeline.get().refuse(request.getHeader("Accept"), error);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            RequestLog.unexpected(answer.getHeaders().getHeader(ApiHeaders.REQUEST_ID).firstValue(), failure);
        }
        response.resetBuffer();
        HttpResponses.write(answer, response);
    }

    private static ApiException errorFor(int status) {
        if (status == 400) {
            return new ApiException(ErrorCode.INVALID_PARAMETER);
        }
        for (ErrorCode code : ErrorCode.values()) {
            if (code.httpStatus() == status) {
                return new ApiException(code);
            }
        }
        return new ApiException(status < 500 ? ErrorCode.INVALID_PARAMETER : ErrorCode.INTERNAL_ERROR);
    }
}
