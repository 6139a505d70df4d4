package com.clinikapi.server.error;

import com.clinikapi.contract.error.ErrorCode;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.contract.error.ValidationIssue;
import com.clinikapi.server.generated.model.ApiError;
import com.clinikapi.server.ratelimit.RateLimits;
import com.clinikapi.server.web.RequestIdFilter;
import com.clinikapi.server.web.ResponseMediaTypes;
import com.clinikapi.server.web.StrictFramingGuard;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Safety net for any error response Micronaut still builds itself: it gets the contract's error
 * body for its status instead of Micronaut's, whose messages can quote request values. This is also
 * the path of requests refused before routing and filters (a request line or headers over Netty's
 * limits, which Micronaut reports as 413, or a body framed two ways): those become 400
 * {@code INVALID_PARAMETER}, since the body is not what was too large, and get the headers every
 * response carries.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ContractErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    private final RateLimits rateLimits;

    public ContractErrorResponseProcessor(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        HttpRequest<?> request = errorContext.getRequest();
        MutableHttpResponse<ApiError> contractError = undecodableHead(request)
                .map(issue -> ErrorResponses.of(request, ErrorCode.INVALID_PARAMETER, List.of(issue)))
                .orElseGet(() -> ErrorResponses.forStatus(request, response.status()));
        RequestIdFilter.stamp(request, response, rateLimits.status(request));
        MutableHttpResponse<ApiError> answer = response.status(contractError.status())
                .body(contractError.body())
                .contentType(contractError.getContentType().orElseThrow());
        ResponseMediaTypes.apply(request, answer);
        return answer;
    }

    /**
     * The issue when Netty stopped decoding the request's head: the request line or headers exceed
     * its limits, or the body is framed two ways ({@link StrictFramingGuard}).
     */
    private static Optional<ValidationIssue> undecodableHead(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty) {
            DecoderResult decoded = netty.getNativeRequest().decoderResult();
            if (decoded.isFailure() && StrictFramingGuard.isAmbiguousFraming(decoded.cause())) {
                return Optional.of(SchemaViolations.ambiguousFraming());
            }
            if (decoded.isFailure() && decoded.cause() instanceof TooLongHttpLineException) {
                return Optional.of(SchemaViolations.requestLineTooLong());
            }
            if (decoded.isFailure() && decoded.cause() instanceof TooLongFrameException) {
                return Optional.of(SchemaViolations.headersTooLarge());
            }
        }
        return Optional.empty();
    }
}
