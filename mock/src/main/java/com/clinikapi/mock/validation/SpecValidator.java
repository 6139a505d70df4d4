package com.clinikapi.mock.validation;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * The one OpenAPI validator of a mock (building it parses the spec, which takes a few hundred
 * milliseconds), shared by request validation and the response conformance check.
 */
public final class SpecValidator {

    private final OpenApiInteractionValidator validator;

    private SpecValidator(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    public static SpecValidator forSpec(String specText) {
        return new SpecValidator(OpenApiInteractionValidator.createForInlineApiSpecification(specText)
                .withLevelResolver(levels())
                .build());
    }

    /**
     * What the mock leaves to other checks or ignores on purpose, for requests only: unknown body
     * fields are ignored (the spec says so), the key is checked before validation, a wrong
     * Content-Type is answered 415 before validation, {@code Accept} never fails a request, and a
     * repeated query parameter counts with its first value. Responses are held to everything.
     */
    private static LevelResolver levels() {
        return LevelResolver.create()
                .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.contentType", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.parameter.collection", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                .build();
    }

    ValidationReport validateRequest(SimpleRequest request) {
        return validator.validateRequest(request);
    }

    ValidationReport validateResponse(String path, String method, SimpleResponse response) {
        return validator.validateResponse(path, Request.Method.valueOf(method), response);
    }
}
