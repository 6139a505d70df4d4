package com.clinikapi.server.error;

import com.clinikapi.server.generated.model.ApiError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Safety net for any error response Micronaut still builds itself: it gets the contract's error
 * body for its status instead of Micronaut's, whose messages can quote request values.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ContractErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        MutableHttpResponse<ApiError> contractError = ErrorResponses.forStatus(errorContext.getRequest(), response.status());
        return response.body(contractError.body()).contentType(contractError.getContentType().orElseThrow());
    }
}
